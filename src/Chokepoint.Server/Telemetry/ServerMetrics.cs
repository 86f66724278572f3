using System.Diagnostics.Metrics;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Telemetry;

/// <summary>The service's own metrics; request counts and latency come from ASP.NET Core's built-in meters.</summary>
public sealed class ServerMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Chokepoint.Server";

    private readonly Counter<long> _screenings;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _screeningDuration;

    /// <summary>Creates the instruments.</summary>
    public ServerMetrics(IMeterFactory meters, ScreeningState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _screenings = meter.CreateCounter<long>("chokepoint.screenings", "{screening}", "Parties screened.");
        _alerts = meter.CreateCounter<long>("chokepoint.alerts", "{alert}", "Screenings that alerted.");
        _screeningDuration = meter.CreateHistogram<double>("chokepoint.screening.duration", "ms", "Time to screen one party.");
        meter.CreateObservableGauge(
            "chokepoint.lists.age",
            () => state.Current?.NewestPublication is { } d ? (time.GetUtcNow() - new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).TotalHours : double.NaN,
            "h",
            "Hours since the newest list in force was published.");
    }

    /// <summary>Records one screening.</summary>
    public void Screened(bool alert, string origin, double milliseconds)
    {
        var tag = new KeyValuePair<string, object?>("origin", origin);
        _screenings.Add(1, tag);
        _screeningDuration.Record(milliseconds, tag);
        if (alert)
        {
            _alerts.Add(1, tag);
        }
    }
}
