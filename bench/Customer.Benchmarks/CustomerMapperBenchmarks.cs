using BenchmarkDotNet.Attributes;
using CustomerService.Application.Customers;
using CustomerService.Benchmarks.Composition;
using CustomerService.Domain.Customers;

namespace CustomerService.Benchmarks;

/// <summary>The Mapperly mapping every customer answer goes through: aggregate to <see cref="CustomerDto"/>.</summary>
[MemoryDiagnoser]
public class CustomerMapperBenchmarks
{
    private Customer _customer = null!;

    [Params(1, 2)]
    public int Addresses { get; set; }

    [GlobalSetup]
    public void Setup() => _customer = SampleData.Customer(Addresses);

    [Benchmark]
    public CustomerDto ToDto() => _customer.ToDto();
}
