using Chokepoint.Core;
using Chokepoint.Lists.Store;

namespace Chokepoint.Lists.Download;

/// <summary>How an update of one source ended.</summary>
public enum ListUpdateStatus
{
    /// <summary>A new version was fetched, validated and put in force.</summary>
    Updated,

    /// <summary>The server said nothing changed (HTTP 304); the version in force stays.</summary>
    NotModified,

    /// <summary>Fetching or validating failed; the version in force stays, untouched.</summary>
    Failed,
}

/// <summary>The result of updating one source.</summary>
/// <param name="Source">The source.</param>
/// <param name="Status">How the update ended.</param>
/// <param name="Current">The publication date in force afterwards, or null when none is.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Files">What was fetched, with SHA-256 and HTTP validators.</param>
/// <param name="Diagnostics">The reader's diagnostics when the staged files were validated.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ListUpdateOutcome(
    string Source,
    ListUpdateStatus Status,
    DateOnly? Current,
    string Message,
    IReadOnlyList<FetchedFile> Files,
    IReadOnlyList<ListDiagnostic> Diagnostics);
