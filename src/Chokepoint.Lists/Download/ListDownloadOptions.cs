namespace Chokepoint.Lists.Download;

/// <summary>How <see cref="ListDownloader"/> talks to the list owners' servers.</summary>
/// <remarks>Immutable once built and thread-safe.</remarks>
public sealed record ListDownloadOptions
{
    /// <summary>Gets how many times one file is requested before the update fails.</summary>
    /// <value>3.</value>
    public int Attempts { get; init; } = 3;

    /// <summary>Gets the wait before the first retry; each later retry waits twice as long.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how long one request, body included, may take.</summary>
    /// <value>5 minutes (the OFAC and UK files are several megabytes on slow government servers).</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the User-Agent sent with each request.</summary>
    /// <value><c>Chokepoint-ListUpdater/1.0</c>.</value>
    public string UserAgent { get; init; } = "Chokepoint-ListUpdater/1.0";
}
