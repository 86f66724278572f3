using Chokepoint.Server.Hosting;
using Chokepoint.Trade;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Screening;

/// <summary>The trade reference tables (CHPL, Iran UAV items, places, red flags), loaded once, and the shipment screener per list snapshot.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class TradeReference
{
    private readonly Lazy<(ReferenceData? Data, string Status)> _data;
    private ScreenerForSnapshot? _screener;

    /// <summary>Creates the holder; the tables load on first use.</summary>
    public TradeReference(IOptions<ChokepointServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _data = new Lazy<(ReferenceData?, string)>(() => Load(options.Value));
    }

    /// <summary>Gets the tables, or null when they could not be loaded.</summary>
    public ReferenceData? Data => _data.Value.Data;

    /// <summary>Gets what was loaded, or why nothing was.</summary>
    public string Status => _data.Value.Status;

    /// <summary>Returns the shipment screener over a list snapshot, built once per snapshot.</summary>
    public ShipmentScreener ScreenerFor(ScreeningSnapshot snapshot, ReferenceData data)
    {
        var current = Volatile.Read(ref _screener);
        if (current is not null && ReferenceEquals(current.Snapshot, snapshot))
        {
            return current.Screener;
        }

        var screener = new ShipmentScreener(data, snapshot.Screener);
        Volatile.Write(ref _screener, new ScreenerForSnapshot(snapshot, screener));
        return screener;
    }

    private static (ReferenceData?, string) Load(ChokepointServerOptions options)
    {
        var dir = options.ReferenceDirectory
            ?? (options.ListsDirectory is { } lists ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lists).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "reference") : Path.Combine(Core.DataDirectory.Resolve(), "reference"));
        if (!Directory.Exists(dir))
        {
            return (null, $"The trade reference directory {dir} does not exist; start the server with --reference DIR.");
        }

        var result = ReferenceData.Load(dir);
        return result.Data is { } data
            ? (data, $"Reference tables from {dir}.")
            : (null, string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
    }

    private sealed record ScreenerForSnapshot(ScreeningSnapshot Snapshot, ShipmentScreener Screener);
}
