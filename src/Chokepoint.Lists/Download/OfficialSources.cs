namespace Chokepoint.Lists.Download;

/// <summary>What a downloaded file must look like, checked on its first bytes before any reader sees it.</summary>
public enum ExpectedContent
{
    /// <summary>Comma-separated text.</summary>
    Csv,

    /// <summary>Tab-separated or other plain text.</summary>
    Text,

    /// <summary>An XML document.</summary>
    Xml,

    /// <summary>An Excel workbook (a zip package).</summary>
    Xlsx,

    /// <summary>A JSON document or JSON lines.</summary>
    Json,
}

/// <summary>One file an official source publishes.</summary>
/// <param name="Name">The file name to stage it under (the name the reader expects).</param>
/// <param name="Url">The official download URL.</param>
/// <param name="Content">What the file must look like.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OfficialFile(string Name, Uri Url, ExpectedContent Content);

/// <summary>The files that make up one source, as its owner publishes them.</summary>
/// <param name="Source">The source folder name.</param>
/// <param name="Files">The files, all of which must be fetched for a version.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OfficialSource(string Source, IReadOnlyList<OfficialFile> Files);

/// <summary>The official download locations of every source that can be updated (see docs/lists.md).</summary>
/// <remarks>
/// <c>opensanctions_sanctions_ftm_sample</c> has no download: it is a hand-picked slice, not a published dataset.
/// Stateless and thread-safe.
/// </remarks>
public static class OfficialSources
{
    private const string OfacLegacy = "https://www.treasury.gov/ofac/downloads/";
    private const string OpenSanctions = "https://data.opensanctions.org/datasets/latest/";

    /// <summary>Gets every source with its official files.</summary>
    public static IReadOnlyList<OfficialSource> All { get; } =
    [
        new("us_ofac_sdn", [
            File("sdn.csv", OfacLegacy + "sdn.csv", ExpectedContent.Csv),
            File("alt.csv", OfacLegacy + "alt.csv", ExpectedContent.Csv),
            File("add.csv", OfacLegacy + "add.csv", ExpectedContent.Csv),
            File("sdn_comments.csv", OfacLegacy + "sdn_comments.csv", ExpectedContent.Csv),
        ]),
        new("us_ofac_cons", [
            File("cons_prim.csv", OfacLegacy + "consolidated/cons_prim.csv", ExpectedContent.Csv),
            File("cons_alt.csv", OfacLegacy + "consolidated/cons_alt.csv", ExpectedContent.Csv),
            File("cons_add.csv", OfacLegacy + "consolidated/cons_add.csv", ExpectedContent.Csv),
            File("cons_comments.csv", OfacLegacy + "consolidated/cons_comments.csv", ExpectedContent.Csv),
        ]),
        new("un_sc_consolidated", [File("consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml", ExpectedContent.Xml)]),
        new("uk_ofsi_conlist", [File("ConList.xlsx", "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx", ExpectedContent.Xlsx)]),
        new("us_trade_csl", [File("consolidated.csv", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv", ExpectedContent.Csv)]),
        new("us_bis_dpl", [File("dpl.txt", "https://www.bis.doc.gov/dpl/dpl.txt", ExpectedContent.Text)]),
        new("opensanctions_sa_wiki_peps_ftm", [
            File("entities.ftm.json", OpenSanctions + "sa_wiki_peps/entities.ftm.json", ExpectedContent.Json),
            File("index.json", OpenSanctions + "sa_wiki_peps/index.json", ExpectedContent.Json),
        ]),
        new("opensanctions_us_congress_senzing", [File("senzing.json", OpenSanctions + "us_congress/senzing.json", ExpectedContent.Json)]),
    ];

    /// <summary>Returns the official source of that name, or null when it cannot be downloaded.</summary>
    public static OfficialSource? Find(string source)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Source, source, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    private static OfficialFile File(string name, string url, ExpectedContent content) => new(name, new Uri(url), content);
}
