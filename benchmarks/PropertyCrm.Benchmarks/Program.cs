using BenchmarkDotNet.Running;

namespace PropertyCrm.Benchmarks;

public static class Program
{
    /// <summary>Pick benchmarks on the command line, e.g. <c>--filter '*WorkingTime*' --job short</c>.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
