using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;

namespace CustomerService.Tests.Application;

public sealed class ResultTests
{
    private static readonly ServiceError NotFound = new("customer_not_found", new EntityIdErrorData("x"));

    [Test]
    public void SuccessCarriesItsValue()
    {
        var result = Result<string>.Success("value");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Error, Is.Null);
            Assert.That(result.Value, Is.EqualTo("value"));
        }
    }

    [Test]
    public void FailureCarriesItsError()
    {
        var result = Result<string>.Failure(NotFound);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error, Is.SameAs(NotFound));
        }
    }

    [Test]
    public void FailureHasNoValue()
    {
        var result = Result<string>.Failure(NotFound);

        var ex = Assert.Throws<InvalidOperationException>(() => _ = result.Value);

        Assert.That(ex.Message, Does.Contain("customer_not_found"));
    }

    [Test]
    public void FailureRequiresAnError()
    {
        Assert.Throws<ArgumentNullException>(() => Result<string>.Failure(null!));
    }

    [Test]
    public void ConvertsImplicitlyFromValueAndError()
    {
        Result<string> success = "value";
        Result<string> failure = NotFound;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.EqualTo(Result<string>.Success("value")));
            Assert.That(failure, Is.EqualTo(Result<string>.Failure(NotFound)));
        }
    }

    [Test]
    public void ComparesByValueAndError()
    {
        var first = Result<string>.Success(string.Concat("a", "b"));
        var second = Result<string>.Success(new string(['a', 'b']));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Result<string>.Success("a") == Result<string>.Success("a"), Is.True);
            Assert.That(Result<string>.Success("a") != Result<string>.Success("b"), Is.True);
            Assert.That(Result<string>.Failure(new ServiceError("x")) == Result<string>.Failure(new ServiceError("x")), Is.True);
            Assert.That(Result<string>.Failure(new ServiceError("x")) == Result<string>.Failure(new ServiceError("y")), Is.False);
            Assert.That(first.Equals(second), Is.True);
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
        }
    }

    [Test]
    public void DescribesItselfByOutcome()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Result<string>.Success("a").ToString(), Is.EqualTo("Success(a)"));
            Assert.That(Result<string>.Failure(NotFound).ToString(), Is.EqualTo("Failure(customer_not_found)"));
        }
    }
}
