using Chokepoint.Lists.Store;

namespace Chokepoint.Lists.Tests.Store;

/// <summary>Assertions on manifest entries (records compare their lists by reference, so lists are compared here by value).</summary>
internal static class ManifestAssert
{
    /// <summary>Asserts that the same version is in force, with the same counts, files and HTTP validators.</summary>
    public static void SameVersionInForce(SourceManifestEntry expected, SourceManifestEntry actual)
    {
        Assert.Equal(expected.Current, actual.Current);
        Assert.Equal(expected.Entities, actual.Entities);
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.Files, actual.Files);
        Assert.Equal(expected.Fetched, actual.Fetched);
    }
}
