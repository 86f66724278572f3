using Chokepoint.Accuracy;

var options = HarnessOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

try
{
    if (options.Pairs is not null)
    {
        PairEvaluation.Run(options);
    }
    else if (options.Latency)
    {
        LatencyRun.Run(options);
    }
    else
    {
        AccuracyRun.Run(options);
    }

    return 0;
}
catch (InvalidDataException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
