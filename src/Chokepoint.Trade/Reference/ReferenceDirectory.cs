namespace Chokepoint.Trade;

/// <summary>Finds the reference directory: an explicit option, then <c>$CHOKEPOINT_REFERENCE</c>, then <c>../shared/reference</c> beside the repository.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class ReferenceDirectory
{
    /// <summary>The environment variable that names the reference directory.</summary>
    public const string EnvironmentVariable = "CHOKEPOINT_REFERENCE";

    /// <summary>Returns the directory to load, in order: <paramref name="option"/>, the environment variable, <c>&lt;repository root&gt;/../shared/reference</c>.</summary>
    /// <param name="option">The <c>--reference</c> option, or null.</param>
    /// <returns>The full path, or null when nothing is given and no repository root is found.</returns>
    /// <remarks>The repository root is the first folder holding <c>Chokepoint.slnx</c> above the working directory or the program.</remarks>
    public static string? Resolve(string? option = null)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        var root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "reference"));
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chokepoint.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
