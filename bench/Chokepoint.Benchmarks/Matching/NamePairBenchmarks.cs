using AnyAscii;
using BenchmarkDotNet.Attributes;
using Chokepoint.Core;
using Chokepoint.Text;
using F23.StringSimilarity;
using FuzzySharp;

namespace Chokepoint.Benchmarks.Matching;

/// <summary>
/// One name-pair score: Chokepoint's comparer against FuzzySharp's token-set ratio and Jaro-Winkler.
/// </summary>
/// <remarks>
/// <c>Chokepoint</c> takes the parties as given, normalises both on every call and explains the result (what
/// <c>chokepoint compare</c> does per line). <c>ChokepointPrepared</c> scores two names already prepared, which is
/// what the screening engine does for each candidate: listed names are prepared once when the lists load and the
/// query once per screening. The baselines get strings already transliterated and lower-cased, so their figures are
/// the scorer alone too.
/// </remarks>
[MemoryDiagnoser]
public class NamePairBenchmarks
{
    private static readonly JaroWinkler JaroWinkler = new();

    private string _a = "";
    private string _b = "";
    private NameForm _preparedA = null!;
    private NameForm _preparedB = null!;

    [ParamsSource(nameof(Pairs))]
    public NamePair Pair { get; set; } = null!;

    public static IEnumerable<NamePair> Pairs() =>
    [
        new("typo", "Mohammad Bagher ZOLGHADR", "Mohamad Baqer ZOLGADR"),
        new("reorder", "ZOLGHADR, Mohammad Bagher", "Mohammad Bagher Zolghadr"),
        new("cyrillic", "Алабуга", "ALABUGA"),
        new("organization", "JOINT STOCK COMPANY AVILON AUTOMOBILE GROUP", "AO AVILON AVTOMOBILNAYA GRUPPA"),
        new("different", "Johanna Katrin Lindqvist", "Mohammad Bagher ZOLGHADR"),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _a = Pair.A.Name.Transliterate().ToLowerInvariant();
        _b = Pair.B.Name.Transliterate().ToLowerInvariant();
        _preparedA = NameForm.Create(Pair.A.Name, Pair.A.Schema, UniformRarity.Instance);
        _preparedB = NameForm.Create(Pair.B.Name, Pair.B.Schema, UniformRarity.Instance);
    }

    [Benchmark]
    public double Chokepoint() => NameComparer.Compare(Pair.A, Pair.B).Score;

    [Benchmark]
    public float ChokepointPrepared() => NameScorer.Score(_preparedA, _preparedB);

    [Benchmark(Baseline = true)]
    public int FuzzySharpTokenSet() => Fuzz.TokenSetRatio(_a, _b);

    [Benchmark]
    public double JaroWinklerWhole() => JaroWinkler.Similarity(_a, _b);

    /// <summary>A labelled pair of parties; the label is what the results table shows.</summary>
    public sealed record NamePair(string Label, PartyQuery A, PartyQuery B)
    {
        public NamePair(string label, string a, string b)
            : this(label, new PartyQuery { Name = a }, new PartyQuery { Name = b })
        {
        }

        public override string ToString() => Label;
    }
}
