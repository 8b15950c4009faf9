namespace CustomerService.Application.Common.Security;

/// <summary>Turns a password into a salted, deliberately slow hash; the password itself is never stored.</summary>
public interface IPasswordHasher
{
    string Hash(string password);
}
