using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Text;

namespace Chokepoint.Trade.Tests;

/// <summary>Shared, lazily built inputs: the reference tables and a matching engine over the staged OFAC SDN and BIS DPL lists.</summary>
internal static class TradeFixtures
{
    private static readonly Lazy<ReferenceData> LazyReference = new(() =>
    {
        var result = ReferenceData.Load(TestPaths.Reference);
        return result.Data ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    });

    private static readonly Lazy<ScreeningEngine> LazyEngine = new(() =>
    {
        var entries = new List<ListEntry>();
        foreach (var source in new[] { "us_ofac_sdn", "us_bis_dpl" })
        {
            var newest = ListsDirectory.ListVersions(TestPaths.Lists, source).Max();
            var loaded = ListsDirectory.LoadVersion(TestPaths.Lists, source, newest);
            entries.AddRange(loaded.Snapshot?.Entries ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics)));
        }

        return ScreeningEngine.Build(entries);
    });

    public static ReferenceData Reference => LazyReference.Value;

    public static ScreeningEngine Engine => LazyEngine.Value;

    public static ShipmentScreener WithFake(FakePartyScreener? fake = null, ShipmentPolicy? policy = null) =>
        new(Reference, fake ?? new FakePartyScreener(), policy);

    public static ShipmentDocument Doc(string json)
    {
        var result = ShipmentDocumentParser.Parse(json);
        return result.Document ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    public static ShipmentDocument Sample(string file)
    {
        var path = TestPaths.InRepo("samples", "shipments", file);
        return Doc(File.ReadAllText(path));
    }

    public static string[] Rules(ShipmentResult result) => [.. result.Findings.Select(f => f.Rule).Distinct()];
}

/// <summary>A party screener that knows a few names and their scores; every other name screens clean.</summary>
internal sealed class FakePartyScreener : IPartyScreener
{
    private readonly Dictionary<string, (EntityId Id, double Score, string Listed)> _known = new(StringComparer.OrdinalIgnoreCase);

    public List<PartyQuery> Queries { get; } = [];

    /// <summary>Gets the options of every call, in order.</summary>
    public List<ScreeningOptions?> Options { get; } = [];

    /// <summary>Gets or sets the default threshold the screener reports (null: not known beforehand).</summary>
    public double? DefaultThreshold { get; init; }

    public FakePartyScreener Add(string name, string entityId, double score, string? listed = null)
    {
        _known[name] = (EntityId.Parse(entityId), score, listed ?? name.ToUpperInvariant());
        return this;
    }

    public ScreeningResult Screen(PartyQuery query, ScreeningOptions? options = null)
    {
        lock (Queries)
        {
            Queries.Add(query);
            Options.Add(options);
        }

        var threshold = options?.Threshold ?? 0.70;
        if (!_known.TryGetValue(query.Name, out var k))
        {
            return new ScreeningResult(query.Id, false, threshold, []);
        }

        var explanation = new MatchExplanation(k.Score, [new TokenAlignment("q", "l", TokenMatchKind.Exact, 1)], [], [], []);
        var match = new ScreeningMatch(k.Id, k.Score, k.Listed, EntitySchema.Organization, explanation);
        return new ScreeningResult(query.Id, k.Score >= threshold, threshold, [match]);
    }
}
