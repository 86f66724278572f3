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
/// Chokepoint takes the parties as given and normalises both on every call; the baselines get strings already
/// transliterated and lower-cased, so their figures are the scorer alone (a lower bound on their real cost).
/// </remarks>
[MemoryDiagnoser]
public class NamePairBenchmarks
{
    private static readonly JaroWinkler JaroWinkler = new();

    private string _a = "";
    private string _b = "";

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
    }

    [Benchmark]
    public double Chokepoint() => NameComparer.Compare(Pair.A, Pair.B).Score;

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
