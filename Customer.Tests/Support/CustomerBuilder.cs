using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Support;

/// <summary>
/// Builds valid Customer aggregates for unit tests through <see cref="Customer.Register"/>;
/// each test overrides only the values it is about.
/// </summary>
public sealed class CustomerBuilder
{
    public static readonly DateTime RegisteredAt = new(2024, 1, 15, 9, 30, 0, DateTimeKind.Utc);

    public const string DefaultEmail = "John.Doe@Example.com";
    public const string DefaultPasswordHash = "pbkdf2$hash-of-the-password";

    private string _email = DefaultEmail;
    private string _passwordHash = DefaultPasswordHash;
    private string _firstName = "John";
    private string _lastName = "Doe";
    private CustomerStatus _status = CustomerStatus.Active;
    private List<string> _tags = ["VIP"];
    private List<AddressDetails> _addresses = [];
    private DateTime _now = RegisteredAt;

    public static AddressDetails Address(string name = "Work") => new(
        Name: name,
        FirstName: "John",
        LastName: "Doe",
        Address1: "1650 Bolman Court",
        Address2: "Number 10",
        PostCode: "62701",
        City: "Springfield",
        State: "IL",
        Country: "US",
        Company: "Acme",
        Phone: "0217 555 0101",
        Instructions: "Leave at the door");

    public CustomerBuilder WithEmail(string email)
    {
        _email = email;
        return this;
    }

    public CustomerBuilder WithPasswordHash(string passwordHash)
    {
        _passwordHash = passwordHash;
        return this;
    }

    public CustomerBuilder WithNames(string firstName, string lastName)
    {
        _firstName = firstName;
        _lastName = lastName;
        return this;
    }

    public CustomerBuilder WithStatus(CustomerStatus status)
    {
        _status = status;
        return this;
    }

    public CustomerBuilder WithTags(params string[] tags)
    {
        _tags = [.. tags];
        return this;
    }

    public CustomerBuilder WithAddresses(params AddressDetails[] addresses)
    {
        _addresses = [.. addresses];
        return this;
    }

    public CustomerBuilder RegisteredOn(DateTime now)
    {
        _now = now;
        return this;
    }

    public Customer Build() => Customer.Register(
        EmailAddress.Create(_email),
        _passwordHash,
        _firstName,
        _lastName,
        _status,
        _tags,
        _addresses,
        _now);
}
