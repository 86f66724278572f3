using System.Collections.Frozen;

namespace Chokepoint.Trade;

/// <summary>The evidence text that depends only on the reference data, worked out once: row labels, dotted HS codes, transshipment facts.</summary>
/// <remarks>Immutable and thread-safe; the arrays are shared by every finding and must not be changed.</remarks>
internal sealed class EvidenceLabels
{
    private readonly FrozenDictionary<ReferenceRowLocation, string> _rows;
    private readonly FrozenDictionary<string, string> _dotted;

    public EvidenceLabels(ReferenceData reference)
    {
        var rows = reference.Chpl.Select(r => r.Location)
            .Concat(reference.IranUavItems.Select(r => r.Location))
            .Concat(reference.Places.Select(r => r.Location))
            .Concat(reference.Components.Select(r => r.Location))
            .Concat(reference.TransshipmentCountries.Select(r => r.Location));
        _rows = rows.Distinct().ToFrozenDictionary(r => r, r => r.ToString());
        var codes = reference.Chpl.Select(c => c.Hs6)
            .Concat(reference.IranUavItems.Select(u => u.HsCode).OfType<HsCode>())
            .Concat(reference.Components.Select(c => c.Hs6Guess).OfType<HsCode>());
        _dotted = codes.DistinctBy(c => c.Digits, StringComparer.Ordinal).ToFrozenDictionary(c => c.Digits, c => c.ToDottedString(), StringComparer.Ordinal);
        Transshipment = reference.TransshipmentByCountry.ToFrozenDictionary(x => x.Key, x => new TransshipmentFacts(reference, x.Key, x.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets what a transshipment finding reports per country code.</summary>
    public FrozenDictionary<string, TransshipmentFacts> Transshipment { get; }

    /// <summary>Returns <c>file:line</c> of a reference row.</summary>
    public string Row(ReferenceRowLocation location) => _rows.TryGetValue(location, out var label) ? label : location.ToString();

    /// <summary>Returns the dotted form of an HS code.</summary>
    public string Dotted(HsCode code) => _dotted.TryGetValue(code.Digits ?? string.Empty, out var dotted) ? dotted : code.ToDottedString();
}

/// <summary>What a transshipment finding reports about one country.</summary>
internal sealed class TransshipmentFacts
{
    public TransshipmentFacts(ReferenceData reference, string code, TransshipmentCountry[] rows)
    {
        Name = rows[0].Country;
        Bases = [.. rows.Select(r => r.Basis).Distinct(StringComparer.Ordinal)];
        Gecc = reference.IsGecc(code);
        Rows = [.. rows.Select(r => r.Location.ToString())];
        Source = string.Join("; ", rows.Select(r => r.SourceDocument).Distinct(StringComparer.Ordinal));
    }

    public string Name { get; }

    public string[] Bases { get; }

    public bool Gecc { get; }

    public string[] Rows { get; }

    public string Source { get; }
}
