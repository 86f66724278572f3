using Spectre.Console;

namespace Chokepoint.Cli.Terminal;

/// <summary>Shows progress of a multi-step job on stderr: a bar on a terminal, one plain line per finished step otherwise.</summary>
public static class CliProgress
{
    /// <summary>Runs a job, giving it a reporter that advances the bar by one step per call.</summary>
    /// <param name="output">The command's output.</param>
    /// <param name="title">What the bar is for (e.g. "Importing lists").</param>
    /// <param name="total">How many steps the job has.</param>
    /// <param name="job">The job; it reports a description of each finished step.</param>
    public static async Task<T> RunAsync<T>(CliOutput output, string title, int total, Func<IProgress<string>, Task<T>> job)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(job);
        if (!output.IsErrorInteractive)
        {
            return await job(new SyncProgress<string>(step => output.WriteNote($"{title}: {step}")));
        }

        return await Bar(output).StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
                var result = await job(new SyncProgress<string>(step =>
                {
                    task.Description = Markup.Escape($"{title}: {step}");
                    task.Increment(1);
                }));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Runs a job that counts its own units of work (lines, queries): a bar on a terminal, its notes as plain lines otherwise.</summary>
    /// <param name="output">The command's output.</param>
    /// <param name="title">What the bar is for (e.g. "screening").</param>
    /// <param name="total">How many units the job has.</param>
    /// <param name="job">The job; it reports how many units are done and a note (e.g. the rate) after each piece of work.</param>
    public static T Count<T>(CliOutput output, string title, long total, Func<Action<long, string>, T> job)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(job);
        if (!output.IsErrorInteractive)
        {
            return job((_, note) => output.WriteNote(note));
        }

        return Bar(output).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
            var result = job((done, note) =>
            {
                task.Description = Markup.Escape(note);
                task.Value = done;
            });
            task.Value = task.MaxValue;
            return result;
        });
    }

    private static Progress Bar(CliOutput output) => output.ErrorConsole.Progress()
        .AutoClear(true)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
}
