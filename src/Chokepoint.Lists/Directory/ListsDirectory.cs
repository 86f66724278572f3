using System.Globalization;
using Chokepoint.Core;

namespace Chokepoint.Lists;

/// <summary>Reads a lists directory laid out as <c>&lt;dir&gt;/&lt;source&gt;/&lt;YYYY-MM-DD&gt;/&lt;files&gt;</c>.</summary>
/// <remarks>
/// For each source the newest dated folder wins (or the newest on or before an as-of date). A source folder no reader
/// claims and a subfolder whose name is not a date are reported as warnings and skipped; a source that fails to read
/// gives errors for that source only. Stateless and thread-safe.
/// </remarks>
public static class ListsDirectory
{
    /// <summary>The format of a dated folder name.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads the newest version of every source in a lists directory, sources in parallel.</summary>
    /// <param name="listsDir">The lists directory.</param>
    /// <param name="asOf">When set, picks for each source the newest dated folder on or before this date.</param>
    /// <param name="progress">Receives a report when each source starts and finishes (from worker threads).</param>
    /// <param name="readers">The readers to use; <see cref="ListReaderRegistry.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static ListsLoadResult Load(
        string listsDir,
        DateOnly? asOf = null,
        IProgress<ListLoadProgress>? progress = null,
        ListReaderRegistry? readers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listsDir);
        readers ??= ListReaderRegistry.Default;
        var root = new DirectoryInfo(listsDir);
        var layout = new List<ListDiagnostic>();
        if (!root.Exists)
        {
            layout.Add(new ListDiagnostic(DiagnosticSeverity.Error, listsDir, 0, null, "The lists directory does not exist."));
            return new ListsLoadResult([], layout);
        }

        var jobs = new List<(string Source, DateOnly Date, DirectoryInfo Folder, long Size)>();
        foreach (var sourceDir in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (sourceDir.Name.StartsWith('.'))
            {
                continue;
            }

            if (!readers.IsKnownSource(sourceDir.Name))
            {
                layout.Add(new ListDiagnostic(DiagnosticSeverity.Warning, sourceDir.Name, 0, null, $"No reader knows the source '{sourceDir.Name}'; the folder is skipped."));
                continue;
            }

            var picked = PickVersion(sourceDir, asOf, layout);
            if (picked is { } p)
            {
                jobs.Add((sourceDir.Name, p.Date, p.Folder, FolderSize(p.Folder)));
            }
        }

        // The biggest sources start first so that two cores finish at about the same time.
        var order = jobs.OrderByDescending(j => j.Size).ToArray();
        var results = new SourceLoadResult[order.Length];
        var completed = 0;
        Parallel.For(
            0,
            order.Length,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                var job = order[i];
                progress?.Report(new ListLoadProgress(job.Source, job.Date, ListLoadStage.Started, Volatile.Read(ref completed), order.Length));
                var result = ReadFolder(readers, job.Source, job.Date, job.Folder, cancellationToken);
                results[i] = result;
                var done = Interlocked.Increment(ref completed);
                progress?.Report(new ListLoadProgress(job.Source, job.Date, result.Succeeded ? ListLoadStage.Succeeded : ListLoadStage.Failed, done, order.Length));
            });

        Array.Sort(results, static (a, b) => string.CompareOrdinal(a.Source, b.Source));
        return new ListsLoadResult(results, layout);
    }

    /// <summary>Reads one given version of one source.</summary>
    /// <param name="listsDir">The lists directory.</param>
    /// <param name="source">The source folder name.</param>
    /// <param name="date">The dated folder to read.</param>
    /// <param name="readers">The readers to use; <see cref="ListReaderRegistry.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static SourceLoadResult LoadVersion(string listsDir, string source, DateOnly date, ListReaderRegistry? readers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listsDir);
        ArgumentNullException.ThrowIfNull(source);
        var folder = new DirectoryInfo(Path.Combine(listsDir, source, FormatDate(date)));
        if (!folder.Exists)
        {
            return new SourceLoadResult(source, date, folder.FullName, null, [Error(source, date, $"The folder '{source}/{FormatDate(date)}' does not exist in '{listsDir}'.")]);
        }

        return ReadFolder(readers ?? ListReaderRegistry.Default, source, date, folder, cancellationToken);
    }

    /// <summary>Returns the dated versions present for a source, oldest first (non-date folders are ignored).</summary>
    public static IReadOnlyList<DateOnly> ListVersions(string listsDir, string source)
    {
        var dir = new DirectoryInfo(Path.Combine(listsDir, source));
        if (!dir.Exists)
        {
            return [];
        }

        var dates = new List<DateOnly>();
        foreach (var d in dir.EnumerateDirectories())
        {
            if (TryParseDate(d.Name, out var date))
            {
                dates.Add(date);
            }
        }

        dates.Sort();
        return dates;
    }

    /// <summary>Reads a folder with the reader that claims it; a reader's exception becomes an error for that source.</summary>
    public static SourceLoadResult ReadFolder(ListReaderRegistry readers, string source, DateOnly date, DirectoryInfo folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(folder);
        var reader = readers.Find(source, folder);
        if (reader is null)
        {
            return new SourceLoadResult(source, date, folder.FullName, null, [Error(source, date, $"No reader for '{source}' recognises the files in this folder.")]);
        }

        try
        {
            var read = reader.Read(source, folder, date, cancellationToken);
            return new SourceLoadResult(source, date, folder.FullName, read.Snapshot, read.Diagnostics);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A reader must not take the whole import down; its failure is reported against its source.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new SourceLoadResult(source, date, folder.FullName, null, [Error(source, date, $"The reader failed: {ex.GetType().Name}: {ex.Message}")]);
        }
    }

    /// <summary>Formats a date as a dated folder name.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a dated folder name (<c>YYYY-MM-DD</c>); never throws.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static (DateOnly Date, DirectoryInfo Folder)? PickVersion(DirectoryInfo sourceDir, DateOnly? asOf, List<ListDiagnostic> layout)
    {
        (DateOnly Date, DirectoryInfo Folder)? best = null;
        foreach (var d in sourceDir.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!TryParseDate(d.Name, out var date))
            {
                layout.Add(new ListDiagnostic(DiagnosticSeverity.Warning, $"{sourceDir.Name}/{d.Name}", 0, null, "The folder name is not a date (YYYY-MM-DD); the folder is skipped."));
                continue;
            }

            if ((asOf is null || date <= asOf.Value) && (best is null || date > best.Value.Date))
            {
                best = (date, d);
            }
        }

        if (best is null)
        {
            var why = asOf is null ? "no dated folder" : $"no dated folder on or before {FormatDate(asOf.Value)}";
            layout.Add(new ListDiagnostic(DiagnosticSeverity.Warning, sourceDir.Name, 0, null, $"The source has {why}; it is skipped."));
        }

        return best;
    }

    private static long FolderSize(DirectoryInfo folder)
    {
        long size = 0;
        foreach (var f in folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            size += f.Length;
        }

        return size;
    }

    private static ListDiagnostic Error(string source, DateOnly date, string message) =>
        new(DiagnosticSeverity.Error, $"{source}/{FormatDate(date)}", 0, null, message);
}
