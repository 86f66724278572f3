namespace Chokepoint.Core;

/// <summary>Where Chokepoint keeps its own data: <c>$CHOKEPOINT_HOME</c>, by default <c>~/.chokepoint</c>.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string EnvironmentVariable = "CHOKEPOINT_HOME";

    /// <summary>Returns the data directory path (not created).</summary>
    public static string Resolve()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env)
            ? Path.GetFullPath(env)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".chokepoint");
    }
}
