using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Accuracy;

/// <summary>One labelled query: the party to screen, its class and the entities it should find.</summary>
internal sealed record LabelledQuery(PartyQuery Query, string Class, IReadOnlySet<string> Expected)
{
    public bool IsPositive => Expected.Count > 0;
}

/// <summary>A labelled query set read from the <c>screen</c> input format plus a truth file.</summary>
internal sealed class EvalSet
{
    private EvalSet(IReadOnlyList<LabelledQuery> queries, IReadOnlyList<string> classes)
    {
        Queries = queries;
        Classes = classes;
    }

    public IReadOnlyList<LabelledQuery> Queries { get; }

    /// <summary>Gets the classes: positive classes first (by size), then the negatives.</summary>
    public IReadOnlyList<string> Classes { get; }

    public static EvalSet Load(string queriesPath, string truthPath)
    {
        var truth = new Dictionary<string, (string Class, HashSet<string> Expected)>(StringComparer.Ordinal);
        foreach (var (root, lineNo) in JsonLines.Read(truthPath))
        {
            var id = RequiredString(root, "id", truthPath, lineNo);
            var cls = RequiredString(root, "class", truthPath, lineNo);
            var expected = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("expected", out var exp) && exp.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in exp.EnumerateArray())
                {
                    expected.Add(e.GetString() ?? throw new InvalidDataException($"{truthPath}:{lineNo}: field 'expected': an entity id is not a string."));
                }
            }

            truth[id] = (cls, expected);
        }

        var queries = new List<LabelledQuery>();
        foreach (var (root, lineNo) in JsonLines.Read(queriesPath))
        {
            var query = ReadParty(root, queriesPath, lineNo);
            if (query.Id is null || !truth.TryGetValue(query.Id, out var t))
            {
                throw new InvalidDataException($"{queriesPath}:{lineNo}: field 'id': query '{query.Id}' has no line in {truthPath}.");
            }

            queries.Add(new LabelledQuery(query, t.Class, t.Expected));
        }

        var positives = queries.Where(q => q.IsPositive).GroupBy(q => q.Class).OrderByDescending(g => g.Count()).Select(g => g.Key);
        var negatives = queries.Where(q => !q.IsPositive).GroupBy(q => q.Class).OrderByDescending(g => g.Count()).Select(g => g.Key);
        return new EvalSet(queries, [.. positives, .. negatives.Except(positives)]);
    }

    /// <summary>Returns the queries written in Cyrillic, respelt in a Western romanisation style (<see cref="CyrillicStyles"/>).</summary>
    public EvalSet Restyled(string style)
    {
        var picked = Queries.Where(q => CyrillicStyles.HasCyrillic(q.Query.Name))
            .Select(q => q with { Query = q.Query with { Name = CyrillicStyles.Respell(q.Query.Name, style) } })
            .ToList();
        return new EvalSet(picked, [.. Classes.Where(c => picked.Any(q => q.Class == c))]);
    }

    /// <summary>Returns about <paramref name="count"/> queries spread evenly over the set (every k-th one).</summary>
    public EvalSet Sample(int count)
    {
        var step = Math.Max(1, Queries.Count / Math.Max(1, count));
        var picked = Queries.Where((_, i) => i % step == 0).Take(count).ToList();
        return new EvalSet(picked, [.. Classes.Where(c => picked.Any(q => q.Class == c))]);
    }

    /// <summary>Reads a party in the <c>screen</c> input format: <c>name</c>, optional <c>id</c>, <c>type</c>, <c>country</c>, <c>birthDate</c>.</summary>
    public static PartyQuery ReadParty(JsonElement e, string file, int lineNo)
    {
        var name = RequiredString(e, "name", file, lineNo);
        var schema = EntitySchema.Unknown;
        if (e.TryGetProperty("type", out var type) && type.GetString() is { } typeText
            && !Enum.TryParse(typeText, ignoreCase: true, out schema))
        {
            throw new InvalidDataException($"{file}:{lineNo}: field 'type': '{typeText}' is not person, organization, vessel or aircraft.");
        }

        BirthDate? birth = null;
        if (e.TryGetProperty("birthDate", out var bd) && bd.GetString() is { } bdText)
        {
            birth = BirthDate.TryParse(bdText, out var parsed)
                ? parsed
                : throw new InvalidDataException($"{file}:{lineNo}: field 'birthDate': '{bdText}' is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY.");
        }

        return new PartyQuery
        {
            Id = e.TryGetProperty("id", out var id) ? id.GetString() : null,
            Name = name,
            Schema = schema,
            Country = e.TryGetProperty("country", out var c) ? c.GetString() : null,
            BirthDate = birth,
        };
    }

    private static string RequiredString(JsonElement e, string field, string file, int lineNo) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"{file}:{lineNo}: field '{field}': missing or not a non-empty string.");
}
