using BenchmarkDotNet.Attributes;
using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Benchmarks.Matching;

/// <summary>One query against every list in ../shared/lists: the candidate index against the exhaustive scan.</summary>
[MemoryDiagnoser]
public class ScreenQueryBenchmarks
{
    private ScreeningEngine _indexed = null!;
    private ScreeningEngine _exhaustive = null!;

    [ParamsSource(nameof(Queries))]
    public ScreenCase Case { get; set; } = null!;

    public static IEnumerable<ScreenCase> Queries() =>
    [
        new("exact", new PartyQuery { Name = "ISLAMIC REVOLUTIONARY GUARD CORPS", Schema = EntitySchema.Organization }),
        new("typo", new PartyQuery { Name = "Islamc Revolutionery Gaurd Corps" }),
        new("person-dob", new PartyQuery { Name = "Mohammad Bagher ZOLGHADR", Schema = EntitySchema.Person, BirthDate = BirthDate.FromParts(1954) }),
        new("cyrillic", new PartyQuery { Name = "Алабуга", Schema = EntitySchema.Organization }),
        new("innocent", new PartyQuery { Name = "Johanna Katrin Lindqvist", Schema = EntitySchema.Person }),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _indexed = ScreeningEngine.Build(MatchingData.Lists);
        _exhaustive = ScreeningEngine.Build(MatchingData.Lists, new MatcherOptions { Exhaustive = true });
    }

    [Benchmark(Baseline = true)]
    public ScreeningResult Exhaustive() => _exhaustive.Screen(Case.Query);

    [Benchmark]
    public ScreeningResult Indexed() => _indexed.Screen(Case.Query);

    /// <summary>A labelled query; the label is what the results table shows.</summary>
    public sealed record ScreenCase(string Label, PartyQuery Query)
    {
        public override string ToString() => Label;
    }
}
