using System.Collections.Frozen;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <summary>An embargoed destination: a country, or a region recognised by name in addresses and route places.</summary>
/// <param name="Code">ISO alpha-2 for countries; <c>UA-43</c> (Crimea), <c>UA-14-DNR</c>, <c>UA-09-LNR</c> for regions.</param>
/// <param name="Name">The readable name.</param>
/// <param name="Basis">The official legal basis (US and EU).</param>
/// <param name="Comprehensive">
/// True where nearly every export needs a licence whatever the goods (Iran, North Korea, Cuba, the occupied regions);
/// false where the measures are sectoral (Russia, Belarus, Syria since 2025), so only goods of concern are barred.
/// </param>
public sealed record EmbargoedDestination(string Code, string Name, string Basis, bool Comprehensive);

/// <summary>
/// The small table of comprehensively embargoed or broadly restricted destinations, with the official basis for each.
/// </summary>
/// <remarks>
/// Countries: Iran, North Korea, Syria, Cuba, Russia and Belarus. Regions: Crimea (incl. Sevastopol) and the so-called
/// Donetsk and Luhansk People's Republics, recognised by name in any script since they have no country code of their
/// own. See docs/shipments.md for the sources. Immutable and thread-safe.
/// </remarks>
public static class EmbargoedDestinations
{
    /// <summary>Gets the embargoed countries by ISO code.</summary>
    public static FrozenDictionary<string, EmbargoedDestination> Countries { get; } = new Dictionary<string, EmbargoedDestination>(StringComparer.Ordinal)
    {
        ["IR"] = new("IR", "Iran", "US: Iranian Transactions and Sanctions Regulations (31 CFR 560), EAR 15 CFR 746.7; EU: Regulation (EU) 267/2012 and 2023/1529", Comprehensive: true),
        ["KP"] = new("KP", "North Korea", "US: 15 CFR 746.4, North Korea Sanctions Regulations (31 CFR 510); UN: UNSCR 1718 (2006); EU: Regulation (EU) 2017/1509", Comprehensive: true),
        ["SY"] = new("SY", "Syria", "US: EAR 15 CFR 746.9; EU: Regulation (EU) 36/2012 (as amended)", Comprehensive: false),
        ["CU"] = new("CU", "Cuba", "US: Cuban Assets Control Regulations (31 CFR 515), EAR 15 CFR 746.2", Comprehensive: true),
        ["RU"] = new("RU", "Russia", "US: EAR 15 CFR 746.8 and Supplement No. 7 (Iranian UAV items), EO 14024; EU: Regulation (EU) 833/2014 (Art. 2, 2a, 12g)", Comprehensive: false),
        ["BY"] = new("BY", "Belarus", "US: EAR 15 CFR 746.8; EU: Regulation (EC) 765/2006 (as amended)", Comprehensive: false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the embargoed regions, each with the names that reveal it in an address.</summary>
    public static IReadOnlyList<(EmbargoedDestination Region, string[] Names)> Regions { get; } =
    [
        (new("UA-43", "Crimea (incl. Sevastopol)", "US: EO 13685, EAR 15 CFR 746.6; EU: Regulation (EU) 692/2014", Comprehensive: true),
            ["crimea", "krym", "krim", "qirim", "крым", "sevastopol", "севастополь", "simferopol", "симферополь", "kerch", "yalta"]),
        (new("UA-14-DNR", "So-called Donetsk People's Republic", "US: EO 14065, EAR 15 CFR 746.6; EU: Regulation (EU) 2022/263", Comprehensive: true),
            ["donetsk", "донецк", "dnr", "dpr", "днр"]),
        (new("UA-09-LNR", "So-called Luhansk People's Republic", "US: EO 14065, EAR 15 CFR 746.6; EU: Regulation (EU) 2022/263", Comprehensive: true),
            ["luhansk", "lugansk", "луганск", "lnr", "lpr", "лнр"]),
    ];

    private static readonly (EmbargoedDestination Region, string[] Tokens)[] RegionTokens =
        [.. Regions.SelectMany(r => r.Names.Select(n => (r.Region, TradeText.Tokens(n))))];

    /// <summary>Returns the embargoed country for a code, or null.</summary>
    public static EmbargoedDestination? Country(string? iso2) =>
        iso2 is not null && Countries.TryGetValue(iso2, out var d) ? d : null;

    /// <summary>Returns the embargoed region named in the text (address or place), or null.</summary>
    public static EmbargoedDestination? RegionIn(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : RegionIn(TradeText.Tokens(text));

    /// <summary>Returns the embargoed region named in normalised tokens, or null.</summary>
    internal static EmbargoedDestination? RegionIn(string[] tokens)
    {
        foreach (var (region, name) in RegionTokens)
        {
            if (TokenSequence.IndexOf(tokens, name) >= 0)
            {
                return region;
            }
        }

        return null;
    }
}
