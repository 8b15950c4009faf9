using BenchmarkDotNet.Attributes;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Benchmarks.Composition;
using FluentValidation.Results;

namespace CustomerService.Benchmarks;

/// <summary>The FluentValidation rules of customer.update on valid commands, synchronously and as the pipeline used to call them.</summary>
[MemoryDiagnoser]
public class UpdateCustomerValidatorBenchmarks
{
    private const string Id = "bE4xqT0ZkLw2Rn9c";

    private readonly UpdateCustomerCommandValidator _validator = new();
    private readonly UpdateCustomerCommand _rename = SampleData.Rename(Id, "First12", "Last34");
    private readonly UpdateCustomerCommand _tagsAndStatus = SampleData.TagsAndStatus(Id);

    [Benchmark(Baseline = true)]
    public ValidationResult Rename() => _validator.Validate(_rename);

    [Benchmark]
    public ValidationResult TagsAndStatus() => _validator.Validate(_tagsAndStatus);

    [Benchmark]
    public Task<ValidationResult> RenameAsync() => _validator.ValidateAsync(_rename);
}
