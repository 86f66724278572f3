using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Trade;

/// <summary>Writes a <see cref="ShipmentResult"/> in the documented JSON shape: <c>{"id","decision","findings":[{"kind","severity","rule","summary","evidence","source"}]}</c>.</summary>
/// <remarks>Enum values are lower case (<c>block</c>, <c>red_flag</c>). Stateless and thread-safe.</remarks>
public static class ShipmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the result as one line of JSON.</summary>
    public static string Serialize(ShipmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(
            new ResultLine(result.Id, result.Decision, [.. result.Findings.Select(f => new FindingLine(f.Kind, f.Severity, f.Rule, f.Summary, f.Evidence, f.Source))]),
            Options);
    }

    /// <summary>Returns a line for a document that could not be read: <c>{"id","errors":[...]}</c>.</summary>
    public static string SerializeErrors(ShipmentParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return JsonSerializer.Serialize(new ErrorLine(parse.Id, [.. parse.Errors.Select(e => e.ToString())]), Options);
    }

    private sealed record ResultLine(string Id, ShipmentDecision Decision, FindingLine[] Findings);

    private sealed record FindingLine(FindingKind Kind, FindingSeverity Severity, string Rule, string Summary, IReadOnlyDictionary<string, object> Evidence, string Source);

    private sealed record ErrorLine(string? Id, string[] Errors);
}
