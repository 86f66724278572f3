using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    private readonly FrozenDictionary<string, DateOnly> _dates;

    // The summary cut at its {name} placeholders, each piece a literal and the key that follows it; null when a stray
    // brace makes the cut unsafe and the template is filled by substitution instead.
    private readonly (string Literal, string? Key)[]? _template;
    private readonly int _templateLiteralLength;

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
        _dates = strings.Where(x => x.Value.Length > 0 && DateOnly.TryParseExact(x.Value[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .ToFrozenDictionary(x => x.Key, x => DateOnly.ParseExact(x.Value[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Roles = [.. Strings("roles").Select(RoleOf).OfType<PartyRole>()];
        _template = Cut(summary);
        _templateLiteralLength = summary.Length;
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

    internal Phrases Phrases(string name) => _phrases.TryGetValue(name, out var v) ? v : Matching.Phrases.None;

    /// <summary>Returns a <c>yyyy-MM-dd</c> parameter, read once per rule; the fallback when the rule has none.</summary>
    /// <exception cref="FormatException">The parameter is not such a date.</exception>
    internal DateOnly Date(string name, DateOnly fallback)
    {
        var text = Strings(name);
        if (text.Length == 0)
        {
            return fallback;
        }

        return _dates.TryGetValue(name, out var d) ? d : DateOnly.ParseExact(text[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

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
    /// <remarks>
    /// Gives exactly what replacing each <c>{key}</c> in evidence order gives, in one pass and one string. A value holding a
    /// brace could make a later key's placeholder, so such evidence takes the replacing path.
    /// </remarks>
    internal string Render(IReadOnlyDictionary<string, object> evidence)
    {
        if (_template is null || !Unbraced(_template, evidence))
        {
            return RenderByReplacing(evidence);
        }

        var text = new DefaultInterpolatedStringHandler(_templateLiteralLength, _template.Length, CultureInfo.InvariantCulture);
        foreach (var (literal, key) in _template)
        {
            text.AppendLiteral(literal);
            if (key is null)
            {
                continue;
            }

            if (!evidence.TryGetValue(key, out var value))
            {
                text.AppendLiteral("{");
                text.AppendLiteral(key);
                text.AppendLiteral("}");
                continue;
            }

            switch (value)
            {
                case string s: text.AppendLiteral(s); break;
                case double d: text.AppendFormatted(d, "0.##"); break;
                case decimal m: text.AppendFormatted(m, "#,0.##"); break;
                case int i: text.AppendFormatted(i); break;
                case string[] array:
                    for (var j = 0; j < array.Length; j++)
                    {
                        text.AppendLiteral(j == 0 ? string.Empty : ", ");
                        text.AppendLiteral(array[j]);
                    }

                    break;
                case IEnumerable<string> list:
                    var first = true;
                    foreach (var item in list)
                    {
                        text.AppendLiteral(first ? string.Empty : ", ");
                        text.AppendLiteral(item);
                        first = false;
                    }

                    break;
                default: text.AppendLiteral(Format(value)); break;
            }
        }

        return text.ToStringAndClear();
    }

    private string RenderByReplacing(IReadOnlyDictionary<string, object> evidence)
    {
        var text = Summary;
        foreach (var (key, value) in evidence)
        {
            text = text.Replace("{" + key + "}", Format(value), StringComparison.Ordinal);
        }

        return text;
    }

    // Whether no value the template takes holds a brace (numbers and flags never do).
    private static bool Unbraced((string Literal, string? Key)[] template, IReadOnlyDictionary<string, object> evidence)
    {
        foreach (var (_, key) in template)
        {
            if (key is null || !evidence.TryGetValue(key, out var value))
            {
                continue;
            }

            var braced = value switch
            {
                string s => Braced(s),
                double or decimal or int or bool => false,
                string[] array => Array.Exists(array, Braced),
                IEnumerable<string> list => list.Any(Braced),
                _ => Braced(Format(value)),
            };
            if (braced)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Braced(string? text) => text is not null && text.AsSpan().IndexOfAny('{', '}') >= 0;

    // Cuts a template at its {name} placeholders; null when a brace stands outside one.
    private static (string Literal, string? Key)[]? Cut(string summary)
    {
        var pieces = new List<(string, string?)>();
        var start = 0;
        while (start < summary.Length)
        {
            var open = summary.IndexOfAny(['{', '}'], start);
            if (open < 0)
            {
                break;
            }

            var close = summary.IndexOfAny(['{', '}'], open + 1);
            if (summary[open] != '{' || close < 0 || summary[close] != '}' || close == open + 1)
            {
                return null;
            }

            pieces.Add((summary[start..open], summary[(open + 1)..close]));
            start = close + 1;
        }

        pieces.Add((summary[start..], null));
        return [.. pieces];
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
