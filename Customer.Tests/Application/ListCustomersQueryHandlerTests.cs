using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class ListCustomersQueryHandlerTests
{
    private Mock<ICustomerRepository> _customers = null!;
    private ListCustomersQueryHandler _handler = null!;
    private CustomerListFilter? _filter;
    private int? _skip;
    private int? _limit;
    private CustomerListPage _page = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>(MockBehavior.Strict);
        _page = new CustomerListPage([], 0);
        _filter = null;
        _skip = null;
        _limit = null;
        _customers
            .Setup(r => r.ListAsync(It.IsAny<CustomerListFilter>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((CustomerListFilter filter, int skip, int limit, CancellationToken _) => (_filter, _skip, _limit) = (filter, skip, limit))
            .ReturnsAsync(() => _page);
        _handler = new ListCustomersQueryHandler(_customers.Object);
    }

    [Test]
    public async Task PassesDefaultPagingOfTenFromZeroGivenNone()
    {
        var result = await _handler.Handle(new ListCustomersQuery(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_limit, Is.EqualTo(10));
            Assert.That(_skip, Is.Zero);
            Assert.That(result.IsSuccess ? result.Value.Page : null, Is.EqualTo(new PageDto(10, 0, 0)));
        }
    }

    [Test]
    public async Task PassesGivenPagingAndEchoesIt()
    {
        _page = new CustomerListPage([], 137);

        var result = await _handler.Handle(new ListCustomersQuery { Limit = 25, Skip = 50 }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_limit, Is.EqualTo(25));
            Assert.That(_skip, Is.EqualTo(50));
            Assert.That(result.IsSuccess ? result.Value.Page : null, Is.EqualTo(new PageDto(25, 50, 137)));
        }
    }

    [Test]
    public async Task PassesEmptyFiltersGivenNone()
    {
        await _handler.Handle(new ListCustomersQuery(), CancellationToken.None);

        Assert.That(_filter, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_filter!.Ids, Is.Empty);
            Assert.That(_filter.NormalizedEmails, Is.Empty);
            Assert.That(_filter.Statuses, Is.Empty);
            Assert.That(_filter.Tags, Is.Empty);
        }
    }

    [Test]
    public async Task PassesIdsWithoutRepeatsKeepingCaseAndOrder()
    {
        await _handler.Handle(new ListCustomersQuery { Id = ["b", "a", "b", "A"] }, CancellationToken.None);

        Assert.That(_filter?.Ids, Is.EqualTo((string[])["b", "a", "A"]));
    }

    [Test]
    public async Task PassesEmailsLowerCasedAndWithoutRepeats()
    {
        await _handler.Handle(
            new ListCustomersQuery { Email = ["John.Doe@Example.com", "ann@example.org", "JOHN.DOE@EXAMPLE.COM", "john.doe@example.com"] },
            CancellationToken.None);

        Assert.That(_filter?.NormalizedEmails, Is.EqualTo((string[])["john.doe@example.com", "ann@example.org"]));
    }

    [Test]
    public async Task PassesStatusesParsedAndWithoutRepeats()
    {
        await _handler.Handle(new ListCustomersQuery { Status = ["INACTIVE", "ACTIVE", "INACTIVE"] }, CancellationToken.None);

        Assert.That(_filter?.Statuses, Is.EqualTo((CustomerStatus[])[CustomerStatus.Inactive, CustomerStatus.Active]));
    }

    [Test]
    public async Task PassesTagsWithoutRepeatsKeepingCase()
    {
        await _handler.Handle(new ListCustomersQuery { Tags = ["VIP", "gold", "VIP", "vip"] }, CancellationToken.None);

        Assert.That(_filter?.Tags, Is.EqualTo((string[])["VIP", "gold", "vip"]));
    }

    [Test]
    public async Task PassesEveryFilterTogether()
    {
        await _handler.Handle(
            new ListCustomersQuery { Id = ["x1"], Email = ["A@B.co"], Status = ["ACTIVE"], Tags = ["eu"] },
            CancellationToken.None);

        Assert.That(_filter, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_filter!.Ids, Is.EqualTo((string[])["x1"]));
            Assert.That(_filter.NormalizedEmails, Is.EqualTo((string[])["a@b.co"]));
            Assert.That(_filter.Statuses, Is.EqualTo((CustomerStatus[])[CustomerStatus.Active]));
            Assert.That(_filter.Tags, Is.EqualTo((string[])["eu"]));
        }
    }

    [Test]
    public async Task AsksTheRepositoryExactlyOnceWithTheCallersCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new ListCustomersQuery(), cancellation.Token);

        _customers.Verify(
            r => r.ListAsync(It.IsAny<CustomerListFilter>(), It.IsAny<int>(), It.IsAny<int>(), cancellation.Token),
            Times.Once);
    }

    [Test]
    public async Task MapsThePageCustomersInTheRepositorysOrder()
    {
        var first = new CustomerBuilder().WithEmail("first@example.com").WithAddresses(CustomerBuilder.Address()).Build();
        var second = new CustomerBuilder().WithEmail("second@example.com").WithStatus(CustomerStatus.Inactive).Build();
        _page = new CustomerListPage([first, second], 12);

        var result = await _handler.Handle(new ListCustomersQuery { Limit = 2, Skip = 4 }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Page, Is.EqualTo(new PageDto(2, 4, 12)));
            Assert.That(result.Value.Data, Is.EqualTo((CustomerDto[])[first.ToDto(), second.ToDto()]).Using(CustomerDtoComparer.Instance));
        }
    }

    [Test]
    public async Task ReturnsEmptyDataWithTheTotalGivenAPagePastTheEnd()
    {
        _page = new CustomerListPage([], 3);

        var result = await _handler.Handle(new ListCustomersQuery { Skip = 10 }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess ? result.Value.Data : null, Is.Empty);
            Assert.That(result.IsSuccess ? result.Value.Page : null, Is.EqualTo(new PageDto(10, 10, 3)));
        }
    }
}
