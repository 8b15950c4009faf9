using BenchmarkDotNet.Running;

namespace CustomerService.Benchmarks;

public static class Program
{
    /// <summary>Every benchmark of this assembly; pick with BenchmarkDotNet's own arguments (--filter, --job, --list...).</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
