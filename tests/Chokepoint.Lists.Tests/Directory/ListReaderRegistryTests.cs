namespace Chokepoint.Lists.Tests.Loading;

public sealed class ListReaderRegistryTests
{
    [Fact]
    public void Discover_TestAssembly_FindsThePublicReader()
    {
        var readers = ListReaderRegistry.Discover(typeof(FakeListReader).Assembly);

        Assert.IsType<FakeListReader>(Assert.Single(readers));
    }

    [Fact]
    public void Default_ListsAssembly_IsCachedAndClaimsEveryStagedSourceItKnows()
    {
        var registry = ListReaderRegistry.Default;

        Assert.Same(registry, ListReaderRegistry.Default);
        Assert.NotEmpty(registry.Readers);
        Assert.All(registry.Sources, s => Assert.NotNull(registry.Find(s)));
        Assert.Contains("un_sc_consolidated", registry.Sources);
    }

    [Fact]
    public void Find_UnknownSourceOrUnreadableFolder_ReturnsNull()
    {
        var dir = TestPaths.NewTempDirectory();
        try
        {
            Assert.Null(FakeListReader.Registry.Find("nothing_here"));
            Assert.Null(FakeListReader.Registry.Find("fake_a", dir));
            File.WriteAllText(Path.Combine(dir.FullName, FakeListReader.FileName), "1|A|X");
            Assert.IsType<FakeListReader>(FakeListReader.Registry.Find("fake_a", dir));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
