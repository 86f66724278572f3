using System.Net;
using System.Text;
using System.Text.Json;
using Chokepoint.Cli.Commands;
using Chokepoint.Lists.Download;

namespace Chokepoint.Cli.Tests.Lists;

[Collection(CliCollection.Name)]
public sealed class ListsCommandsTests : IDisposable
{
    private static readonly ListsCommandServices Services = new() { Readers = NameListReader.Registry };
    private readonly DirectoryInfo _home = TestPaths.NewTempDirectory();
    private readonly DirectoryInfo _lists = TestPaths.NewTempDirectory();

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _lists.Delete(recursive: true);
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_home.FullName, Services, args);

    [Fact]
    public async Task StatusJson_NothingImported_PrintsEmptyArray()
    {
        var run = await RunAsync("lists", "status", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(run.Out).RootElement.ValueKind);
        Assert.Equal(0, JsonDocument.Parse(run.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Import_ThenStatusJson_ListsSourceDateEntitiesNames()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Old Co");
        NameListReader.Write(_lists.FullName, "2024-02-01", "Alabuga Ltd", "Kupol JSC", "Zala Aero");

        var import = await RunAsync("lists", "import", "--lists", _lists.FullName);
        var status = await RunAsync("lists", "status", "--json");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("names_test\t2024-02-01\t3\t6\tin force", import.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_home.FullName, "lists", "current.json")));
        Assert.Equal(0, status.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(status.Out).RootElement.EnumerateArray());
        Assert.Equal("names_test", row.GetProperty("source").GetString());
        Assert.Equal("2024-02-01", row.GetProperty("date").GetString());
        Assert.Equal(3, row.GetProperty("entities").GetInt32());
        Assert.Equal(6, row.GetProperty("names").GetInt32());
        Assert.True(row.GetProperty("lastUpdate").GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Import_BrokenSource_ExitsOnePrintsLocationAndKeepsPrevious()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Good Co");
        await RunAsync("lists", "import", "--lists", _lists.FullName);
        NameListReader.Write(_lists.FullName, "2024-02-01", "Fine", string.Empty, "Cut");

        var import = await RunAsync("lists", "import", "--lists", _lists.FullName);
        var status = await RunAsync("lists", "status");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("names.txt:2: error: field 'name': empty name", import.Error, StringComparison.Ordinal);
        Assert.Contains("FAILED: previous 2024-01-01 stays in force", import.Out, StringComparison.Ordinal);
        Assert.Contains("names_test\t2024-01-01\t1\t2\t", status.Out, StringComparison.Ordinal);
        Assert.Contains("import FAILED", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownSourceFolder_WarnsButSucceeds()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Good Co");
        Directory.CreateDirectory(Path.Combine(_lists.FullName, "eu_fsf", "2024-01-01"));

        var import = await RunAsync("lists", "import", "--lists", _lists.FullName);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("eu_fsf: warning: No reader knows the source 'eu_fsf'", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadAsOfDate_ExitsNonZeroWithMessage()
    {
        var run = await RunAsync("lists", "import", "--lists", _lists.FullName, "--as-of", "25/04/2021");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'25/04/2021' is not a date; write it as YYYY-MM-DD.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_StoredVersions_PrintsAddedRemovedChanged()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Alpha", "Beta");
        await RunAsync("lists", "import", "--lists", _lists.FullName, "--as-of", "2024-01-01");
        NameListReader.Write(_lists.FullName, "2024-02-01", "Alpha", "Beta Two", "Gamma");
        await RunAsync("lists", "import", "--lists", _lists.FullName);

        var text = await RunAsync("lists", "diff", "names_test", "--from", "2024-01-01", "--to", "2024-02-01");
        var json = await RunAsync("lists", "diff", "names_test", "--from", "2024-01-01", "--to", "2024-02-01", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("names_test 2024-01-01 -> 2024-02-01: 1 added, 0 removed, 1 changed, 1 unchanged", text.Out, StringComparison.Ordinal);
        Assert.Contains("+ names_test:3\tGamma", text.Out, StringComparison.Ordinal);
        Assert.Contains("    name: - [Beta] + [Beta Two]", text.Out, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("names_test:3", Assert.Single(root.GetProperty("added").EnumerateArray()).GetProperty("id").GetString());
        var change = Assert.Single(root.GetProperty("changed").EnumerateArray());
        Assert.Equal("names_test:2", change.GetProperty("id").GetString());
        Assert.Equal(["name", "aliases"], change.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Diff_FromListsDirectory_ComparesDatedFolders()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Alpha", "Beta");
        NameListReader.Write(_lists.FullName, "2024-02-01", "Alpha");

        var run = await RunAsync("lists", "diff", "names_test", "--from", "2024-01-01", "--to", "2024-02-01", "--lists", _lists.FullName);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 added, 1 removed, 0 changed, 1 unchanged", run.Out, StringComparison.Ordinal);
        Assert.Contains("- names_test:2\tBeta", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_VersionNotStored_ExitsOneNamingTheVersions()
    {
        NameListReader.Write(_lists.FullName, "2024-01-01", "Alpha");
        await RunAsync("lists", "import", "--lists", _lists.FullName);

        var run = await RunAsync("lists", "diff", "names_test", "--from", "2023-01-01", "--to", "2024-01-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Stored versions of names_test: 2024-01-01.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_FakeServer_SwapsInAndStatusShowsIt()
    {
        var services = Services with
        {
            Sources = [new OfficialSource(NameListReader.Source, [new OfficialFile("names.txt", new Uri("https://lists.test/names.txt"), ExpectedContent.Text)])],
            CreateHttpHandler = () => new StaticHandler("Alabuga Ltd\nKupol JSC\n"),
            DownloadOptions = new ListDownloadOptions { InitialBackoff = TimeSpan.Zero },
        };

        var update = await CliRunner.RunAsync(_home.FullName, services, "lists", "update", "--source", NameListReader.Source);
        var status = await CliRunner.RunAsync(_home.FullName, services, "lists", "status", "--json");

        Assert.Equal(0, update.ExitCode);
        Assert.Contains($"{NameListReader.Source}\tUpdated\t", update.Out, StringComparison.Ordinal);
        var row = Assert.Single(JsonDocument.Parse(status.Out).RootElement.EnumerateArray());
        Assert.Equal(2, row.GetProperty("entities").GetInt32());
        Assert.Equal("update", row.GetProperty("lastUpdate").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Update_UnknownSource_ExitsOne()
    {
        var run = await RunAsync("lists", "update", "--source", "nowhere");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'nowhere' has no official download.", run.Error, StringComparison.Ordinal);
    }

    private sealed class StaticHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") });
    }
}
