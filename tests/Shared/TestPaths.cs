namespace Chokepoint.Testing;

/// <summary>Locates the repository root and the read-only shared data beside it (../shared).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chokepoint.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Chokepoint.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>Gets the repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Gets the shared data folder beside the repository (lists, reference, eval, media).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Gets the staged official lists.</summary>
    public static string Lists => Path.Combine(Shared, "lists");

    /// <summary>Gets the reference tables for trade screening.</summary>
    public static string Reference => Path.Combine(Shared, "reference");

    /// <summary>Gets a path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>Creates an empty temporary directory that the caller deletes.</summary>
    public static DirectoryInfo NewTempDirectory() => Directory.CreateTempSubdirectory("chokepoint-test-");
}
