using System.Text.Json;

namespace Chokepoint.Accuracy;

/// <summary>Writes a run as JSON Lines in the <c>screen</c> output format, which <c>score.py</c> reads.</summary>
internal static class ResultWriter
{
    public static void Write(MatcherRun run, double? threshold, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        var newline = "\n"u8;
        for (var i = 0; i < run.Outcomes.Count; i++)
        {
            var outcome = run.Outcomes[i];
            json.WriteStartObject();
            json.WriteString("id", run.Set.Queries[i].Query.Id);
            json.WriteBoolean("alert", run.Alerts(i, threshold));
            json.WriteNumber("threshold", Math.Round(threshold ?? run.Matcher.Threshold, 6));
            if (outcome.Error is not null)
            {
                json.WriteString("error", outcome.Error);
            }

            json.WriteStartArray("matches");
            foreach (var m in outcome.Matches)
            {
                json.WriteStartObject();
                json.WriteString("entityId", m.EntityId.ToString());
                json.WriteNumber("score", Math.Round(m.Score, 6));
                json.WriteString("name", m.Name);
                json.WriteString("schema", m.Schema.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            stream.Write(newline);
            json.Reset();
        }
    }
}
