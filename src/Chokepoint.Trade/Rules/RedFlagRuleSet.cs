using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <summary>One declarative red-flag rule: the indicators it implements, the fields it reads, a named predicate with parameters, a severity and a summary template.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RedFlagRule
{
    private readonly FrozenDictionary<string, string[]> _strings;
    private readonly FrozenDictionary<string, double> _numbers;
    private readonly FrozenDictionary<string, Phrases> _phrases;

    internal RedFlagRule(string id, string[] implements, string[] fields, string predicate, FindingSeverity severity, string summary, JsonElement parameters)
    {
        Id = id;
        Implements = implements;
        Fields = fields;
        Predicate = predicate;
        Severity = severity;
        Summary = summary;
        var strings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in parameters.EnumerateObject())
            {
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.Array: strings[p.Name] = [.. p.Value.EnumerateArray().Select(x => x.ToString())]; break;
                    case JsonValueKind.Number: numbers[p.Name] = p.Value.GetDouble(); break;
                    case JsonValueKind.True: numbers[p.Name] = 1; break;
                    case JsonValueKind.False: numbers[p.Name] = 0; break;
                    default: strings[p.Name] = [p.Value.ToString()]; break;
                }
            }
        }

        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
        _numbers = numbers.ToFrozenDictionary(StringComparer.Ordinal);
        _phrases = strings.ToFrozenDictionary(x => x.Key, x => new Phrases(x.Value), StringComparer.Ordinal);
        Roles = [.. Strings("roles").Select(RoleOf).OfType<PartyRole>()];
    }

    /// <summary>Gets the rule id.</summary>
    public string Id { get; }

    /// <summary>Gets the ids of the <c>red_flags.csv</c> indicators the rule implements.</summary>
    public IReadOnlyList<string> Implements { get; }

    /// <summary>Gets the document fields the rule reads.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Gets the named predicate.</summary>
    public string Predicate { get; }

    /// <summary>Gets the severity of a finding (before policy overrides).</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets the summary template; <c>{name}</c> placeholders are filled from the evidence.</summary>
    public string Summary { get; }

    internal PartyRole[] Roles { get; }

    internal string[] Strings(string name) => _strings.TryGetValue(name, out var v) ? v : [];

    internal Phrases Phrases(string name) => _phrases.TryGetValue(name, out var v) ? v : new Phrases([]);

    internal double Number(string name, double fallback) => _numbers.TryGetValue(name, out var v) ? v : fallback;

    internal static PartyRole? RoleOf(string role) => role switch
    {
        "seller" => PartyRole.Seller,
        "buyer" => PartyRole.Buyer,
        "consignee" => PartyRole.Consignee,
        "end_user" => PartyRole.EndUser,
        "intermediate_consignee" => PartyRole.IntermediateConsignee,
        "freight_forwarder" => PartyRole.FreightForwarder,
        "notify_party" => PartyRole.NotifyParty,
        "payer" => PartyRole.Payer,
        "bank" => PartyRole.Bank,
        _ => null,
    };

    /// <summary>Fills the summary template from evidence values.</summary>
    internal string Render(IReadOnlyDictionary<string, object> evidence)
    {
        var text = Summary;
        foreach (var (key, value) in evidence)
        {
            text = text.Replace("{" + key + "}", Format(value), StringComparison.Ordinal);
        }

        return text;
    }

    internal static string Format(object value) => value switch
    {
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Red-flag indicators the document format cannot reveal, with the reason.</summary>
/// <param name="Id">The <c>red_flags.csv</c> id.</param>
/// <param name="Reason">What data it needs that a shipment does not carry.</param>
public sealed record NotImplementableRedFlag(string Id, string Reason);

/// <summary>The shipped set of red-flag rules, loaded from <c>Rules/red-flag-rules.json</c> or from a caller's file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RedFlagRuleSet
{
    private RedFlagRuleSet(IReadOnlyList<RedFlagRule> rules, IReadOnlyList<NotImplementableRedFlag> notImplementable)
    {
        Rules = rules;
        NotImplementable = notImplementable;
    }

    /// <summary>Gets the rule set the project ships.</summary>
    public static RedFlagRuleSet Default { get; } = Parse(EmbeddedRules.Read("red-flag-rules.json")).RuleSet
        ?? throw new InvalidOperationException("The shipped red-flag rules are invalid.");

    /// <summary>Gets the rules.</summary>
    public IReadOnlyList<RedFlagRule> Rules { get; }

    /// <summary>Gets the indicators that need data a shipment does not carry.</summary>
    public IReadOnlyList<NotImplementableRedFlag> NotImplementable { get; }

    /// <summary>Reads a rule set from JSON, checking every predicate name and severity.</summary>
    /// <returns>The rule set, or the errors (each naming the rule and field).</returns>
    public static (RedFlagRuleSet? RuleSet, IReadOnlyList<string> Errors) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        var rules = new List<RedFlagRule>();
        var ni = new List<NotImplementableRedFlag>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            var i = 0;
            foreach (var r in doc.RootElement.GetProperty("rules").EnumerateArray())
            {
                var path = $"rules[{i++}]";
                var id = r.TryGetProperty("id", out var idEl) ? idEl.GetString() : null;
                if (string.IsNullOrWhiteSpace(id))
                {
                    errors.Add($"{path}.id: required");
                    continue;
                }

                var predicate = r.TryGetProperty("predicate", out var p) ? p.GetString() ?? string.Empty : string.Empty;
                if (!RedFlagPredicates.Has(predicate))
                {
                    errors.Add($"{path}.predicate: '{predicate}' is not a known predicate (rule {id})");
                }

                var severityText = r.TryGetProperty("severity", out var s) ? s.GetString() : null;
                if (!Enum.TryParse<FindingSeverity>(severityText, ignoreCase: true, out var severity))
                {
                    errors.Add($"{path}.severity: '{severityText}' is not a severity (info, low, medium, high, critical) (rule {id})");
                }

                var implements = r.TryGetProperty("implements", out var im) ? im.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
                var fields = r.TryGetProperty("fields", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
                var summary = r.TryGetProperty("summary", out var su) ? su.GetString() ?? id : id;
                var parameters = r.TryGetProperty("parameters", out var pa) ? pa.Clone() : default;
                rules.Add(new RedFlagRule(id, implements, fields, predicate, severity, summary, parameters));
            }

            if (doc.RootElement.TryGetProperty("notImplementable", out var nis))
            {
                foreach (var n in nis.EnumerateArray())
                {
                    ni.Add(new NotImplementableRedFlag(n.GetProperty("id").GetString()!, n.GetProperty("reason").GetString()!));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            errors.Add("the rules file is not valid: " + ex.Message);
        }

        return errors.Count > 0 ? (null, errors) : (new RedFlagRuleSet(rules, ni), errors);
    }

    /// <summary>Returns the problems of this rule set against the reference data: unknown indicator ids, and indicators neither implemented nor listed as not implementable.</summary>
    public IReadOnlyList<string> Validate(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rules)
        {
            foreach (var id in r.Implements)
            {
                covered.Add(id);
                if (!reference.RedFlagsById.ContainsKey(id))
                {
                    problems.Add($"rule {r.Id}: implements '{id}', which red_flags.csv does not hold");
                }
            }
        }

        foreach (var n in NotImplementable)
        {
            covered.Add(n.Id);
        }

        foreach (var f in reference.RedFlags)
        {
            if (!covered.Contains(f.Id))
            {
                problems.Add($"red flag {f.Id} ({f.Location}) is neither implemented by a rule nor listed as not implementable");
            }
        }

        return problems;
    }
}
