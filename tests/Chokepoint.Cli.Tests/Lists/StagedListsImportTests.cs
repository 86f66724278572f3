using System.Text.Json;

namespace Chokepoint.Cli.Tests.Lists;

/// <summary>Imports the real staged lists (../shared/lists) with the real readers and checks the counts SOURCES.md gives.</summary>
[Collection(CliCollection.Name)]
public sealed class StagedListsImportTests : IDisposable
{
    private readonly DirectoryInfo _home = TestPaths.NewTempDirectory();

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Import_StagedLists_EverySourceInForceWithSourcesMdCounts()
    {
        var import = await CliRunner.RunAsync(_home.FullName, null, "lists", "import", "--lists", TestPaths.Lists);
        var status = await CliRunner.RunAsync(_home.FullName, null, "lists", "status", "--json");

        Assert.True(import.ExitCode == 0, import.Error);
        var rows = JsonDocument.Parse(status.Out).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("source").GetString()!, r => (Date: r.GetProperty("date").GetString(), Entities: r.GetProperty("entities").GetInt32()));
        // Newest dated folder per source. Counts per SOURCES.md: OFAC sdn.csv rows; UN 730 individuals + 273 entities;
        // UK Group IDs; CSL and DPL rows; FtM Person/Company/Organization targets (1,264 entities of which 576 Person in
        // sa_wiki_peps; 11 Company + 6 Person in the sample); Senzing lines.
        var expected = new Dictionary<string, (string?, int)>
        {
            ["opensanctions_sa_wiki_peps_ftm"] = ("2024-03-11", 576),
            ["opensanctions_sanctions_ftm_sample"] = ("2026-04-29", 17),
            ["opensanctions_us_congress_senzing"] = ("2025-12-08", 1319),
            ["uk_ofsi_conlist"] = ("2025-04-10", 4686),
            ["un_sc_consolidated"] = ("2026-02-27", 1003),
            ["us_bis_dpl"] = ("2023-11-28", 665),
            ["us_ofac_cons"] = ("2025-12-19", 442),
            ["us_ofac_sdn"] = ("2024-05-03", 14965),
            ["us_trade_csl"] = ("2022-05-16", 14160),
        };
        Assert.Equal(expected.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
    }
}
