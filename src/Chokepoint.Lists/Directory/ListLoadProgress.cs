namespace Chokepoint.Lists;

/// <summary>Where a source stands while a lists directory is being read.</summary>
public enum ListLoadStage
{
    /// <summary>The source's reader has started.</summary>
    Started,

    /// <summary>The source was read without errors.</summary>
    Succeeded,

    /// <summary>The source could not be read; its errors are in the result.</summary>
    Failed,
}

/// <summary>One progress report from <see cref="ListsDirectory.Load"/>.</summary>
/// <param name="Source">The source folder name.</param>
/// <param name="Date">The dated folder being read.</param>
/// <param name="Stage">What just happened.</param>
/// <param name="Completed">How many sources have finished so far (including this one when it finished).</param>
/// <param name="Total">How many sources are being read.</param>
/// <remarks>Immutable and thread-safe; reports arrive from worker threads.</remarks>
public readonly record struct ListLoadProgress(string Source, DateOnly Date, ListLoadStage Stage, int Completed, int Total);
