using System.Text.Encodings.Web;
using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Cli.Commands;

/// <summary>Writes the result lines of <c>screen</c> and <c>compare</c> straight to UTF-8.</summary>
/// <remarks>
/// The bytes are those the reflection serialiser gave with camelCase names, nulls left out, enums as camelCase strings
/// and relaxed escaping: property order is the records' declaration order, numbers use the writer's shortest
/// round-trip form. Hand-written because reflection and the explanation objects cost more than the parsing. Stateless.
/// </remarks>
internal static class BatchJson
{
    /// <summary>Gets the writer settings every result line uses.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private static readonly JsonEncodedText Id = Name("id");
    private static readonly JsonEncodedText Error = Name("error");
    private static readonly JsonEncodedText Alert = Name("alert");
    private static readonly JsonEncodedText Matches = Name("matches");
    private static readonly JsonEncodedText EntityIdName = Name("entityId");
    private static readonly JsonEncodedText Score = Name("score");
    private static readonly JsonEncodedText MatchName = Name("name");
    private static readonly JsonEncodedText Match = Name("match");
    private static readonly JsonEncodedText Explanation = Name("explanation");
    private static readonly JsonEncodedText NameScore = Name("nameScore");
    private static readonly JsonEncodedText Alignments = Name("alignments");
    private static readonly JsonEncodedText Query = Name("query");
    private static readonly JsonEncodedText Listed = Name("listed");
    private static readonly JsonEncodedText Kind = Name("kind");
    private static readonly JsonEncodedText Similarity = Name("similarity");
    private static readonly JsonEncodedText UnmatchedQuery = Name("unmatchedQuery");
    private static readonly JsonEncodedText UnmatchedListed = Name("unmatchedListed");
    private static readonly JsonEncodedText Evidence = Name("evidence");
    private static readonly JsonEncodedText Outcome = Name("outcome");
    private static readonly JsonEncodedText Effect = Name("effect");
    private static readonly JsonEncodedText Detail = Name("detail");
    private static readonly JsonEncodedText Note = Name("note");

    // Indexed by value: the kinds are numbered from 0 without gaps. An unnamed value is written as a number, as the
    // enum converter would.
    private static readonly JsonEncodedText[] KindNames =
        [.. Enum.GetValues<TokenMatchKind>().Select(k => Name(JsonNamingPolicy.CamelCase.ConvertName(k.ToString())))];

    /// <summary>Writes <c>{"id", "error"}</c>; a null id is left out.</summary>
    public static void WriteError(Utf8JsonWriter json, string? id, string error)
    {
        json.WriteStartObject();
        WriteOptionalString(json, Id, id);
        json.WriteString(Error, error);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>{"id", "alert", "matches": [{"entityId", "score", "name", "explanation"}]}</c>.</summary>
    public static void WriteScreening(Utf8JsonWriter json, string? id, ScreeningResult result)
    {
        json.WriteStartObject();
        WriteOptionalString(json, Id, id);
        json.WriteBoolean(Alert, result.Alert);
        WriteArray(json, Matches, result.Matches, WriteMatch);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>{"id", "score", "match", "explanation"}</c>.</summary>
    public static void WriteComparison(Utf8JsonWriter json, string? id, double score, bool match, MatchExplanation explanation)
    {
        json.WriteStartObject();
        WriteOptionalString(json, Id, id);
        json.WriteNumber(Score, score);
        json.WriteBoolean(Match, match);
        WriteExplanation(json, explanation);
        json.WriteEndObject();
    }

    private static void WriteMatch(Utf8JsonWriter json, ScreeningMatch m)
    {
        json.WriteStartObject();
        WriteEntityId(json, m.EntityId);
        json.WriteNumber(Score, m.Score);
        WriteOptionalString(json, MatchName, m.Name);
        WriteExplanation(json, m.Explanation);
        json.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter json, MatchExplanation? e)
    {
        if (e is null)
        {
            return;
        }

        json.WriteStartObject(Explanation);
        json.WriteNumber(NameScore, e.NameScore);
        WriteArray(json, Alignments, e.Alignments, WriteAlignment);
        WriteArray(json, UnmatchedQuery, e.UnmatchedQuery, static (j, token) => j.WriteStringValue(token));
        WriteArray(json, UnmatchedListed, e.UnmatchedListed, static (j, token) => j.WriteStringValue(token));
        WriteArray(json, Evidence, e.Evidence, WriteEvidence);
        WriteOptionalString(json, Note, e.Note);
        json.WriteEndObject();
    }

    private static void WriteAlignment(Utf8JsonWriter json, TokenAlignment a)
    {
        json.WriteStartObject();
        WriteOptionalString(json, Query, a.Query);
        WriteOptionalString(json, Listed, a.Listed);
        var kind = (int)a.Kind;
        if ((uint)kind < (uint)KindNames.Length)
        {
            json.WriteString(Kind, KindNames[kind]);
        }
        else
        {
            json.WriteNumber(Kind, kind);
        }

        json.WriteNumber(Similarity, a.Similarity);
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, EvidenceEffect v)
    {
        json.WriteStartObject();
        WriteOptionalString(json, Kind, v.Kind);
        WriteOptionalString(json, Outcome, v.Outcome);
        json.WriteNumber(Effect, v.Effect);
        WriteOptionalString(json, Detail, v.Detail);
        json.WriteEndObject();
    }

    // A null list is left out, as the serialiser's WhenWritingNull did; indexing avoids a boxed enumerator per list.
    private static void WriteArray<T>(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            return;
        }

        json.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            writeItem(json, items[i]);
        }

        json.WriteEndArray();
    }

    // EntityId.ToString() is "source:key"; built on the stack so a match costs no string.
    private static void WriteEntityId(Utf8JsonWriter json, EntityId id)
    {
        // A default EntityId has null parts; ToString() prints them as empty.
        var source = id.Source ?? "";
        var key = id.Key ?? "";
        var length = source.Length + 1 + key.Length;
        if (length > 256)
        {
            json.WriteString(EntityIdName, id.ToString());
            return;
        }

        Span<char> text = stackalloc char[length];
        source.CopyTo(text);
        text[source.Length] = ':';
        key.CopyTo(text[(source.Length + 1)..]);
        json.WriteString(EntityIdName, text);
    }

    private static void WriteOptionalString(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
