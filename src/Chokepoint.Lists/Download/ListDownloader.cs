using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Chokepoint.Core;
using Chokepoint.Lists.Store;

namespace Chokepoint.Lists.Download;

/// <summary>Fetches the official files of a source, validates them with the source's reader, then swaps them in.</summary>
/// <remarks>
/// <para>Each file is requested conditionally (If-None-Match / If-Modified-Since from the version in force), retried with
/// exponential backoff on 5xx, 408, 429, network errors and timeouts, and written to
/// <c>&lt;home&gt;/staging/&lt;source&gt;/&lt;date&gt;/</c> while its SHA-256 is computed. A file whose Content-Type or
/// first bytes show it is not what was expected (an HTML error page instead of CSV) fails the update.</para>
/// <para>The staged folder is then read in full by the source's reader; only a clean read with at least one entry is
/// stored and put in force. On any failure the version in force keeps serving and the manifest records the failure.
/// The staged files of a failed update are kept for inspection; those of a successful one are deleted.</para>
/// <para>Thread-safe; sources are updated one after another.</para>
/// </remarks>
public sealed class ListDownloader
{
    private const int SniffLength = 512;

    private readonly HttpClient _http;
    private readonly SnapshotStore _store;
    private readonly ListReaderRegistry _readers;
    private readonly TimeProvider _time;
    private readonly ListDownloadOptions _options;
    private readonly IReadOnlyList<OfficialSource> _sources;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The client; tests give it a fake handler. Its own timeout should be infinite: requests carry their own.</param>
    /// <param name="store">Where validated versions are stored and swapped in.</param>
    /// <param name="readers">The readers that validate staged files; <see cref="ListReaderRegistry.Default"/> when null.</param>
    /// <param name="timeProvider">The clock for staging dates, backoff and timeouts; the system clock when null.</param>
    /// <param name="options">Retry and timeout settings; defaults when null.</param>
    /// <param name="sources">The sources and their URLs; <see cref="OfficialSources.All"/> when null.</param>
    public ListDownloader(
        HttpClient http,
        SnapshotStore store,
        ListReaderRegistry? readers = null,
        TimeProvider? timeProvider = null,
        ListDownloadOptions? options = null,
        IReadOnlyList<OfficialSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        _http = http;
        _store = store;
        _readers = readers ?? ListReaderRegistry.Default;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new ListDownloadOptions();
        _sources = sources ?? OfficialSources.All;
    }

    /// <summary>Gets the sources this downloader can update.</summary>
    public IReadOnlyList<OfficialSource> Sources => _sources;

    /// <summary>Updates the given sources (every known one when null), one after another.</summary>
    /// <param name="sources">The source names, or null for all.</param>
    /// <param name="progress">Receives each source's outcome as it finishes.</param>
    /// <param name="cancellationToken">Cancels the update; the version in force is left as it was.</param>
    public async Task<IReadOnlyList<ListUpdateOutcome>> UpdateAllAsync(
        IEnumerable<string>? sources = null,
        IProgress<ListUpdateOutcome>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var names = sources?.ToList() ?? [.. _sources.Select(s => s.Source)];
        var outcomes = new List<ListUpdateOutcome>(names.Count);
        foreach (var name in names)
        {
            var outcome = await UpdateAsync(name, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            progress?.Report(outcome);
        }

        return outcomes;
    }

    /// <summary>Updates one source: fetch, check, stage, validate, then store and swap in.</summary>
    /// <param name="source">The source name.</param>
    /// <param name="cancellationToken">Cancels the update; the version in force is left as it was.</param>
    public async Task<ListUpdateOutcome> UpdateAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entry = _store.ReadManifest().Sources.GetValueOrDefault(source);
        var official = _sources.FirstOrDefault(s => string.Equals(s.Source, source, StringComparison.Ordinal));
        if (official is null)
        {
            return Fail(source, entry, $"'{source}' has no official download.", [], []);
        }

        var date = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var staging = new DirectoryInfo(Path.Combine(_store.Home, "staging", source, ListsDirectory.FormatDate(date)));
        var fetched = new List<FetchedFile>();
        try
        {
            if (staging.Exists)
            {
                staging.Delete(recursive: true);
            }

            staging.Create();
            var hasCurrent = entry?.Current is { } current && File.Exists(_store.SnapshotPath(source, current));
            var notModified = new List<OfficialFile>();
            foreach (var file in official.Files)
            {
                var validators = hasCurrent ? entry!.Fetched.FirstOrDefault(f => string.Equals(f.Name, file.Name, StringComparison.Ordinal)) : null;
                var got = await FetchAsync(file, staging, validators, cancellationToken).ConfigureAwait(false);
                if (got is null)
                {
                    notModified.Add(file);
                }
                else
                {
                    fetched.Add(got);
                }
            }

            if (notModified.Count == official.Files.Count)
            {
                var message = $"Not modified since {ListsDirectory.FormatDate(entry!.Current!.Value)}; the version in force stays.";
                _store.RecordUpdate(source, null, new ListUpdateRecord(_store.Now, "update", true, message, entry.Fetched));
                staging.Delete(recursive: true);
                return new ListUpdateOutcome(source, ListUpdateStatus.NotModified, entry.Current, message, entry.Fetched, []);
            }

            // A version is the whole set of files: a file the server says is unchanged is fetched again in full.
            foreach (var file in notModified)
            {
                fetched.Add((await FetchAsync(file, staging, null, cancellationToken).ConfigureAwait(false))!);
            }

            var read = ListsDirectory.ReadFolder(_readers, source, date, staging, cancellationToken);
            if (read.Snapshot is not { } snapshot)
            {
                var first = read.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                return Fail(source, entry, $"The downloaded files failed validation ({first}); staged in {staging.FullName}.", fetched, read.Diagnostics);
            }

            if (snapshot.Entries.Count == 0)
            {
                return Fail(source, entry, $"The downloaded files hold no entries; staged in {staging.FullName}.", fetched, read.Diagnostics);
            }

            var done = $"Updated to {ListsDirectory.FormatDate(snapshot.PublicationDate)}: {snapshot.Entries.Count} entities.";
            _store.RecordUpdate(source, snapshot, new ListUpdateRecord(_store.Now, "update", true, done, fetched), fetched);
            staging.Delete(recursive: true);
            return new ListUpdateOutcome(source, ListUpdateStatus.Updated, snapshot.PublicationDate, done, fetched, read.Diagnostics);
        }
        catch (DownloadException ex)
        {
            return Fail(source, entry, ex.Message, fetched, []);
        }
        catch (IOException ex)
        {
            return Fail(source, entry, $"Staging failed: {ex.Message}", fetched, []);
        }
    }

    private ListUpdateOutcome Fail(string source, SourceManifestEntry? entry, string message, IReadOnlyList<FetchedFile> fetched, IReadOnlyList<ListDiagnostic> diagnostics)
    {
        var text = entry?.Current is { } current
            ? $"{message} The version of {ListsDirectory.FormatDate(current)} stays in force."
            : $"{message} No version is in force.";
        _store.RecordUpdate(source, null, new ListUpdateRecord(_store.Now, "update", false, text, fetched));
        return new ListUpdateOutcome(source, ListUpdateStatus.Failed, entry?.Current, text, fetched, diagnostics);
    }

    /// <summary>Fetches one file into the staging folder; returns null on 304.</summary>
    private async Task<FetchedFile?> FetchAsync(OfficialFile file, DirectoryInfo staging, FetchedFile? validators, CancellationToken cancellationToken)
    {
        var backoff = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, file.Url);
                    request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                    if (validators?.ETag is { } etag)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    if (validators?.LastModified is { } lastModified)
                    {
                        request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                    }

                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.NotModified && validators is not null)
                    {
                        return null;
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        return await SaveAsync(file, staging, response, linked.Token).ConfigureAwait(false);
                    }

                    failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                    if (!IsTransient(response.StatusCode))
                    {
                        throw new DownloadException($"{file.Url}: {failure}.");
                    }
                }
                catch (HttpRequestException ex)
                {
                    failure = ex.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no complete answer within {_options.RequestTimeout.TotalSeconds:0} s";
                }
            }

            if (attempt >= _options.Attempts)
            {
                throw new DownloadException($"{file.Url}: {failure} (after {attempt} attempts).");
            }

            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    private static async Task<FetchedFile> SaveAsync(OfficialFile file, DirectoryInfo staging, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        CheckContentType(file, response.Content.Headers.ContentType);
        var path = Path.Combine(staging.FullName, file.Name);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[SniffLength];
        var headLength = 0;
        long length = 0;
        var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (output.ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (headLength < SniffLength)
                    {
                        var take = Math.Min(n, SniffLength - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    length += n;
                }
            }
        }

        ContentSniffer.Check(file, head.AsSpan(0, headLength));
        return new FetchedFile(
            file.Name,
            Convert.ToHexStringLower(hash.GetHashAndReset()),
            length,
            file.Url.ToString(),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"));
    }

    private static void CheckContentType(OfficialFile file, MediaTypeHeaderValue? contentType)
    {
        if (contentType?.MediaType is { } media && media.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            throw new DownloadException($"{file.Url}: the server sent an HTML page (Content-Type {media}) where {file.Content} was expected.");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
