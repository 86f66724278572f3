using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Workstation, non-concurrent GC and no tiered PGO: server GC makes allocation counts noisy, and PGO makes run-to-run
// figures drift on a 2-core machine.
var job = Job.Default
    .WithGcServer(false)
    .WithGcConcurrent(false)
    .WithEnvironmentVariable("DOTNET_TieredPGO", "0");
var config = DefaultConfig.Instance.AddJob(job.AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
