using System.Globalization;
using System.Text;

namespace Chokepoint.Accuracy;

/// <summary>Renders the figures of several runs as Markdown tables.</summary>
internal static class Report
{
    /// <summary>One column of a table: a run scored at one threshold (null: the matcher's own decision).</summary>
    public sealed record Column(MatcherRun Run, double? Threshold, Scorecard Card);

    public static string Table(string title, IReadOnlyList<Column> columns)
    {
        var set = columns[0].Run.Set;
        var counts = set.Queries.GroupBy(q => q.Class).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"#### {title}\n\n| class | kind | n |");
        foreach (var c in columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {c.Run.Matcher.Name} |");
        }

        sb.Append("\n|---|---|---:|");
        sb.Append(string.Concat(Enumerable.Repeat("---:|", columns.Count)));
        sb.Append('\n');
        foreach (var cls in set.Classes)
        {
            var positive = set.Queries.First(q => q.Class == cls).IsPositive;
            sb.Append(CultureInfo.InvariantCulture, $"| {cls} | {(positive ? "recall" : "false alerts")} | {counts[cls]} |");
            foreach (var c in columns)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {c.Card.Rates[cls]:0.000} |");
            }

            sb.Append('\n');
        }

        Row(sb, "**all positives**", "recall", set.Queries.Count(q => q.IsPositive), columns, c => c.Card.Recall);
        Row(sb, "**all negatives**", "false alerts", set.Queries.Count(q => !q.IsPositive), columns, c => c.Card.FalseAlertRate);
        Row(sb, "threshold", "", 0, columns, c => c.Card.Threshold);
        return sb.ToString();
    }

    /// <summary>Each matcher's overall recall when its threshold is set for a given false-alert rate on the negatives.</summary>
    /// <remarks>The threshold is swept over the best score alone, so Chokepoint's own alert rule is approximated here.</remarks>
    public static string RecallAtRates(IReadOnlyList<MatcherRun> runs, double[] rates)
    {
        var sb = new StringBuilder("#### Recall at fixed false-alert rates (threshold swept over the best score)\n\n| matcher |");
        foreach (var r in rates)
        {
            sb.Append(CultureInfo.InvariantCulture, $" at {r:0%} false alerts |");
        }

        sb.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", rates.Length))).Append('\n');
        foreach (var run in runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {run.Matcher.Name} |");
            foreach (var r in rates)
            {
                var t = run.ThresholdForFalseAlertRate(r);
                var card = run.Score(t);
                sb.Append(t > run.MaxScore
                    ? " unreachable |"
                    : string.Create(CultureInfo.InvariantCulture, $" {card.Recall:0.000} (t {t:0.000}, {card.FalseAlertRate:0.000}) |"));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Lists up to <paramref name="perClass"/> failures per class: missed positives and false alerts.</summary>
    public static string Failures(MatcherRun run, int perClass)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"#### {run.Matcher.Name}: examples of failures\n\n");
        foreach (var cls in run.Set.Classes)
        {
            var shown = 0;
            for (var i = 0; i < run.Outcomes.Count && shown < perClass; i++)
            {
                var q = run.Set.Queries[i];
                if (q.Class != cls)
                {
                    continue;
                }

                var alert = run.Alerts(i, null);
                var failed = q.IsPositive ? !(alert && run.Hits[i]) : alert;
                if (!failed)
                {
                    continue;
                }

                if (shown++ == 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- **{cls}**\n");
                }

                var o = run.Outcomes[i];
                var best = o.Matches.Count > 0 ? $"{o.Matches[0].EntityId} \"{o.Matches[0].Name}\" {o.Matches[0].Score:0.000}" : "nothing";
                var why = q.IsPositive ? (run.Hits[i] ? "found below threshold" : "expected not in top 5") : "false alert";
                sb.Append(CultureInfo.InvariantCulture,
                    $"  - `{q.Query.Id}` \"{q.Query.Name}\"{Extras(q)}: {why}; expected {(q.IsPositive ? string.Join(", ", q.Expected) : "none")}; best {best}{(o.Error is null ? "" : "; error " + o.Error)}\n");
            }
        }

        return sb.ToString();
    }

    private static string Extras(LabelledQuery q) =>
        (q.Query.Schema == Core.EntitySchema.Unknown ? "" : $" [{q.Query.Schema.ToString().ToLowerInvariant()}]")
        + (q.Query.BirthDate is { } bd ? $" [born {bd}]" : "");

    private static void Row(StringBuilder sb, string label, string kind, int n, IReadOnlyList<Column> columns, Func<Column, double> value)
    {
        sb.Append(CultureInfo.InvariantCulture, $"| {label} | {kind} | {(n > 0 ? n.ToString(CultureInfo.InvariantCulture) : "")} |");
        foreach (var c in columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {value(c):0.000} |");
        }

        sb.Append('\n');
    }
}
