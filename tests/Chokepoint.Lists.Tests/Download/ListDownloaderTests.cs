using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Chokepoint.Lists.Download;
using Chokepoint.Lists.Store;
using Chokepoint.Lists.Tests.Loading;
using Chokepoint.Lists.Tests.Store;

namespace Chokepoint.Lists.Tests.Download;

public sealed class ListDownloaderTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Uri FileUrl = new("https://lists.test/fake_a/entries.txt");
    private static readonly OfficialSource[] Sources = [new("fake_a", [new OfficialFile(FakeListReader.FileName, FileUrl, ExpectedContent.Text)])];
    private readonly DirectoryInfo _home = TestPaths.NewTempDirectory();
    private readonly List<HttpRequestMessage> _requests = [];

    public void Dispose() => _home.Delete(recursive: true);

    private SnapshotStore Store => new(_home.FullName, new FixedTimeProvider(new DateTimeOffset(Today, new TimeOnly(6, 0), TimeSpan.Zero)));

    private ListDownloader CreateSut(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond, TimeSpan? timeout = null) =>
        new(
            new HttpClient(new FakeHandler(this, respond)) { Timeout = Timeout.InfiniteTimeSpan },
            Store,
            FakeListReader.Registry,
            new FixedTimeProvider(new DateTimeOffset(Today, new TimeOnly(6, 0), TimeSpan.Zero)),
            new ListDownloadOptions { Attempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1), RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) },
            Sources);

    private static HttpResponseMessage Ok(string body, string mediaType = "text/plain", string? etag = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (etag is not null)
        {
            response.Headers.ETag = new EntityTagHeaderValue(etag);
        }

        response.Content.Headers.LastModified = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        return response;
    }

    private async Task<ListUpdateOutcome> InstallGoodVersionAsync()
    {
        var outcome = await CreateSut((_, _) => Task.FromResult(Ok("1|Good|X\n2|Also Good|Y\n", etag: "\"v1\""))).UpdateAsync("fake_a", TestContext.Current.CancellationToken);
        Assert.Equal(ListUpdateStatus.Updated, outcome.Status);
        _requests.Clear();
        return outcome;
    }

    [Fact]
    public async Task UpdateAsync_FirstDownload_StoresValidatedVersionWithHashAndValidators()
    {
        const string body = "1|Good|X\n2|Also Good|Y\n";

        var outcome = await CreateSut((_, _) => Task.FromResult(Ok(body, etag: "\"v1\""))).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Updated, outcome.Status);
        Assert.Equal(Today, outcome.Current);
        var entry = Store.ReadManifest().Sources["fake_a"];
        Assert.Equal(Today, entry.Current);
        Assert.Equal(2, entry.Entities);
        var fetched = Assert.Single(entry.Fetched);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), fetched.Sha256);
        Assert.Equal("\"v1\"", fetched.ETag);
        Assert.Equal("Fri, 20 Nov 2026 10:00:00 GMT", fetched.LastModified);
        Assert.Equal(FileUrl.ToString(), fetched.Url);
        Assert.True(entry.LastUpdate!.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(_home.FullName, "staging", "fake_a", "2026-11-23")));
    }

    [Fact]
    public async Task UpdateAsync_NotModified_KeepsCurrentVersion()
    {
        await InstallGoodVersionAsync();
        var before = Store.ReadManifest().Sources["fake_a"];

        var outcome = await CreateSut((request, _) =>
        {
            Assert.Equal("\"v1\"", string.Join(",", request.Headers.GetValues("If-None-Match")));
            Assert.Equal("Fri, 20 Nov 2026 10:00:00 GMT", string.Join(",", request.Headers.GetValues("If-Modified-Since")));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotModified));
        }).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.NotModified, outcome.Status);
        Assert.Single(_requests);
        var after = Store.ReadManifest().Sources["fake_a"];
        Assert.Equal(before.Current, after.Current);
        Assert.Equal(before.Fetched, after.Fetched);
        Assert.True(after.LastUpdate!.Succeeded);
        Assert.StartsWith("Not modified since 2026-11-23", after.LastUpdate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_ServerErrorThenOk_RetriesAndSucceeds()
    {
        var outcome = await CreateSut((_, call) => Task.FromResult(call == 1
            ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
            : Ok("1|A|X\n"))).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Updated, outcome.Status);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task UpdateAsync_ServerErrorEveryTime_FailsAfterAllAttempts()
    {
        var outcome = await CreateSut((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)))
            .UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Failed, outcome.Status);
        Assert.Equal(3, _requests.Count);
        Assert.Contains("HTTP 503 Service Unavailable (after 3 attempts)", outcome.Message, StringComparison.Ordinal);
        Assert.Null(Store.ReadManifest().Sources["fake_a"].Current);
    }

    [Fact]
    public async Task UpdateAsync_NotFound_FailsWithoutRetry()
    {
        var outcome = await CreateSut((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)))
            .UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Failed, outcome.Status);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task UpdateAsync_RequestTimesOut_RetriesThenSucceeds()
    {
        var outcome = await CreateSut(
            async (_, call) =>
            {
                if (call == 1)
                {
                    await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
                }

                return Ok("1|A|X\n");
            },
            timeout: TimeSpan.FromMilliseconds(200)).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Updated, outcome.Status);
        Assert.Equal(2, _requests.Count);
    }

    [Theory]
    [InlineData("text/html", "<html><body>Service temporarily unavailable</body></html>")]
    [InlineData("application/octet-stream", "\n<!DOCTYPE html><html><body>Maintenance</body></html>")]
    [InlineData("text/plain", "<?xml version=\"1.0\"?><error/>")]
    public async Task UpdateAsync_HtmlOrWrongContent_FailsAndPreviousVersionServes(string mediaType, string body)
    {
        await InstallGoodVersionAsync();
        var before = Store.ReadManifest().Sources["fake_a"];

        var outcome = await CreateSut((_, _) => Task.FromResult(Ok(body, mediaType, "\"v2\""))).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Failed, outcome.Status);
        Assert.Contains(FileUrl.ToString(), outcome.Message, StringComparison.Ordinal);
        Assert.Contains("The version of 2026-11-23 stays in force.", outcome.Message, StringComparison.Ordinal);
        var after = Store.ReadManifest().Sources["fake_a"];
        ManifestAssert.SameVersionInForce(before, after);
        Assert.False(after.LastUpdate!.Succeeded);
        Assert.Equal(["Good", "Also Good"], Assert.Single(Store.LoadCurrent(TestContext.Current.CancellationToken).Snapshots).Entries.Select(e => e.Name));
    }

    [Fact]
    public async Task UpdateAsync_TruncatedFile_FailsValidationAndNothingIsReplaced()
    {
        await InstallGoodVersionAsync();
        var before = Store.ReadManifest().Sources["fake_a"];
        var storedPath = Store.SnapshotPath("fake_a", Today);
        var storedBytes = await File.ReadAllBytesAsync(storedPath, TestContext.Current.CancellationToken);

        var outcome = await CreateSut((_, _) => Task.FromResult(Ok("1|Newer|X\n2|Cut sh", etag: "\"v2\""))).UpdateAsync("fake_a", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Failed, outcome.Status);
        Assert.Contains("failed validation", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("fake_a/entries.txt:2: error: field 'line': expected 3 fields, found 2", Assert.Single(outcome.Diagnostics).ToString());
        var after = Store.ReadManifest().Sources["fake_a"];
        Assert.Equal(before.Current, after.Current);
        Assert.Equal("\"v1\"", Assert.Single(after.Fetched).ETag);
        Assert.Equal(storedBytes, await File.ReadAllBytesAsync(storedPath, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(_home.FullName, "staging", "fake_a", "2026-11-23", FakeListReader.FileName)));
    }

    [Fact]
    public async Task UpdateAsync_UnknownSource_FailsWithoutRequest()
    {
        var outcome = await CreateSut((_, _) => Task.FromResult(Ok("1|A|X\n"))).UpdateAsync("nowhere", TestContext.Current.CancellationToken);

        Assert.Equal(ListUpdateStatus.Failed, outcome.Status);
        Assert.Empty(_requests);
    }

    [Fact]
    public void OfficialSources_EverySource_HasHttpsUrlsAndAStagedFolderName()
    {
        Assert.All(OfficialSources.All, s =>
        {
            Assert.True(Directory.Exists(Path.Combine(TestPaths.Lists, s.Source)), $"{s.Source} is not a staged source folder");
            Assert.All(s.Files, f => Assert.Equal("https", f.Url.Scheme));
        });
        Assert.Equal(4, OfficialSources.Find("us_ofac_sdn")!.Files.Count);
    }

    private sealed class FakeHandler(ListDownloaderTests owner, Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int call;
            lock (owner._requests)
            {
                owner._requests.Add(request);
                call = owner._requests.Count;
            }

            return await respond(request, call).WaitAsync(cancellationToken);
        }
    }
}
