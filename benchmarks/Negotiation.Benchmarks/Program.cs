using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Negotiation.Benchmarks -- --filter '*'
// Lists the benchmarks when run without --filter.
BenchmarkSwitcher.FromAssembly(typeof(Negotiation.Benchmarks.RepositoryFiles).Assembly).Run(args);
