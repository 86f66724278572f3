using Chokepoint.Lists;
using Chokepoint.Lists.Download;

namespace Chokepoint.Cli.Commands;

/// <summary>What the <c>lists</c> commands depend on; tests replace the clock, the HTTP handler and the readers.</summary>
public sealed record ListsCommandServices
{
    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets a factory for the HTTP handler used by <c>lists update</c>.</summary>
    public Func<HttpMessageHandler> CreateHttpHandler { get; init; } = static () => new SocketsHttpHandler
    {
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Gets the list readers, or null for every reader in Chokepoint.Lists.</summary>
    public ListReaderRegistry? Readers { get; init; }

    /// <summary>Gets the download settings, or null for the defaults.</summary>
    public ListDownloadOptions? DownloadOptions { get; init; }

    /// <summary>Gets the downloadable sources, or null for the official ones.</summary>
    public IReadOnlyList<OfficialSource>? Sources { get; init; }
}
