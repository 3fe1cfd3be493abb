using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Commentary.Benchmarks;

// dotnet run -c Release --project tests/Commentary.Benchmarks -- --filter '*' --job short
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min, new ThroughputColumn());
BenchmarkSwitcher.FromAssembly(typeof(DecideBenchmarks).Assembly).Run(args, config);
