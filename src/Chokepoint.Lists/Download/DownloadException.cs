namespace Chokepoint.Lists.Download;

/// <summary>A file could not be fetched, or what was fetched is not what the source publishes.</summary>
/// <remarks>Internal to the downloader: callers get a <see cref="ListUpdateOutcome"/>, never this exception.</remarks>
internal sealed class DownloadException(string message) : Exception(message);
