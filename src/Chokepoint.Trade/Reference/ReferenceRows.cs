namespace Chokepoint.Trade;

/// <summary>Where a reference row came from: the file name and its 1-based line.</summary>
/// <param name="File">The file name within the reference directory, e.g. <c>chpl_hs_codes.csv</c>.</param>
/// <param name="Line">The line the row starts on (the header is line 1).</param>
public readonly record struct ReferenceRowLocation(string File, int Line)
{
    /// <summary>Returns <c>file:line</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One row of the Common High Priority List (<c>chpl_hs_codes.csv</c>).</summary>
/// <param name="Hs6">The 6-digit HS subheading.</param>
/// <param name="Tier">The tier: 1, 2, 3.A, 3.B, 4.A or 4.B.</param>
/// <param name="Description">A short description.</param>
/// <param name="ListVersionDate">The date of the list version.</param>
/// <param name="Notes">Notes (marks the nine codes of the first joint list).</param>
/// <param name="Location">The file and line.</param>
public sealed record ChplEntry(HsCode Hs6, string Tier, string Description, string ListVersionDate, string Notes, ReferenceRowLocation Location)
{
    /// <summary>Gets whether the code is in Tier 1 or 2 (the nine codes of FIN-2023-Alert004).</summary>
    public bool IsHighPriority => Tier is "1" or "2";
}

/// <summary>One row of the Iran UAV item list (<c>iran_uav_items.csv</c>).</summary>
/// <param name="SourceDocument">The official document.</param>
/// <param name="HsCode">The HS code, or null when the source gives none.</param>
/// <param name="Description">The item type.</param>
/// <param name="Notes">Where the HS mapping comes from.</param>
/// <param name="Location">The file and line.</param>
public sealed record IranUavItem(string SourceDocument, HsCode? HsCode, string Description, string Notes, ReferenceRowLocation Location);

/// <summary>One red-flag indicator (<c>red_flags.csv</c>).</summary>
/// <param name="Id">The indicator id, e.g. <c>fincen22-forwarder-as-end-customer</c>.</param>
/// <param name="SourceDocument">The official document.</param>
/// <param name="Category">party, address, route, payment, product or behaviour.</param>
/// <param name="Indicator">The indicator in one sentence.</param>
/// <param name="DataNeeded">The fields needed to detect it.</param>
/// <param name="Location">The file and line.</param>
public sealed record RedFlagIndicator(string Id, string SourceDocument, string Category, string Indicator, IReadOnlyList<string> DataNeeded, ReferenceRowLocation Location);

/// <summary>One naming of a country as a transshipment or diversion point (<c>transshipment_countries.csv</c>).</summary>
/// <param name="Country">The country name.</param>
/// <param name="Iso2">The ISO alpha-2 code.</param>
/// <param name="SourceDocument">The official document that names it.</param>
/// <param name="Note">What the document says.</param>
/// <param name="Basis">transshipment_point, entity_location, case_transit or iran_uav_production_offer.</param>
/// <param name="Location">The file and line.</param>
public sealed record TransshipmentCountry(string Country, string Iso2, string SourceDocument, string Note, string Basis, ReferenceRowLocation Location);

/// <summary>One place of concern (<c>places_of_concern.csv</c>).</summary>
/// <param name="Name">The main name.</param>
/// <param name="AltNames">Other names and spellings in any script.</param>
/// <param name="Kind">port, sez, factory or airfield.</param>
/// <param name="Country">The ISO alpha-2 code.</param>
/// <param name="Latitude">Latitude (WGS84).</param>
/// <param name="Longitude">Longitude (WGS84).</param>
/// <param name="SourceDocument">The official statement or report.</param>
/// <param name="Notes">Notes; <c>UNVERIFIED</c> marks places no source ties to UAV transfers.</param>
/// <param name="Location">The file and line.</param>
public sealed record PlaceOfConcern(
    string Name, IReadOnlyList<string> AltNames, string Kind, string Country, double Latitude, double Longitude, string SourceDocument, string Notes, ReferenceRowLocation Location)
{
    /// <summary>Gets whether no source ties the place to UAV or munitions transfers.</summary>
    public bool IsUnverified => Notes.Contains("UNVERIFIED", StringComparison.Ordinal);
}

/// <summary>One component documented in a recovered drone (<c>battlefield_components.csv</c>).</summary>
/// <param name="Weapon">The weapon (Shahed-136 / Geran-2, Shahed-131, Mohajer-6).</param>
/// <param name="Function">What the component does.</param>
/// <param name="Manufacturer">The manufacturer as published.</param>
/// <param name="PartNumber">The part number exactly as published.</param>
/// <param name="Hs6Guess">An analyst's HS-6 guess, or null.</param>
/// <param name="SourceDocument">The official source.</param>
/// <param name="PartNumberNormalized">The normalised part number the source file gives for matching.</param>
/// <param name="Specimen">The recovered drone(s).</param>
/// <param name="SourceUrls">Component pages.</param>
/// <param name="Location">The file and line.</param>
public sealed record BattlefieldComponent(
    string Weapon, string Function, string Manufacturer, string PartNumber, HsCode? Hs6Guess, string SourceDocument, string PartNumberNormalized, string Specimen, IReadOnlyList<string> SourceUrls, ReferenceRowLocation Location);

/// <summary>One member of the Global Export Control Coalition (<c>gecc_countries.csv</c>).</summary>
/// <param name="Country">The country name.</param>
/// <param name="Iso2">The ISO alpha-2 code.</param>
/// <param name="SourceDocument">The official document.</param>
/// <param name="Location">The file and line.</param>
public sealed record GeccCountry(string Country, string Iso2, string SourceDocument, ReferenceRowLocation Location);
