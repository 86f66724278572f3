namespace Chokepoint.Trade.Tests;

public class ReferenceDataTests
{
    [Fact]
    public void Load_SharedReference_ReadsEveryRowOfEveryFile()
    {
        var data = TradeFixtures.Reference;

        Assert.Equal(50, data.Chpl.Count);
        Assert.Equal(22, data.IranUavItems.Count);
        Assert.Equal(61, data.RedFlags.Count);
        Assert.Equal(37, data.TransshipmentCountries.Count);
        Assert.Equal(12, data.Places.Count);
        Assert.Equal(222, data.Components.Count);
        Assert.Equal(39, data.GeccCountries.Count);
    }

    [Fact]
    public void Load_SharedReference_KeepsFieldsAsPublished()
    {
        var data = TradeFixtures.Reference;

        var chpl = data.Chpl[0];
        Assert.Equal(("854231", "1", "chpl_hs_codes.csv:2"), (chpl.Hs6.Digits, chpl.Tier, chpl.Location.ToString()));
        var alabuga = data.Places.Single(p => p.Kind == "sez");
        Assert.Contains("Елабуга", alabuga.AltNames);
        Assert.Equal("RU", alabuga.Country);
        var max = data.Components.Single(c => c.PartNumber == "МАХ3490");
        Assert.Equal("MAX3490", max.PartNumberNormalized);
        Assert.Null(data.IranUavItems.Single(u => u.Description == "Electronics: capacitors").HsCode);
        Assert.True(data.IsGecc("TW"));
        Assert.False(data.IsGecc("TR"));
        Assert.Equal(4, data.TransshipmentByCountry["AM"].Length);
    }

    [Fact]
    public void Load_MissingDirectory_FailsWithoutThrowing()
    {
        var result = ReferenceData.Load(Path.Combine(Path.GetTempPath(), "chokepoint-no-such-dir-" + Guid.NewGuid()));

        Assert.False(result.Succeeded);
        Assert.Equal("the reference directory does not exist", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Load_BadCodeTierAndMissingColumn_NamesFileLineAndField()
    {
        var dir = CopyReference();
        try
        {
            var chpl = Path.Combine(dir.FullName, "chpl_hs_codes.csv");
            var lines = File.ReadAllLines(chpl);
            lines[3] = lines[3].Replace("854233,1,", "85A233,1,", StringComparison.Ordinal);
            lines[5] = lines[5].Replace("851762,2,", "851762,7,", StringComparison.Ordinal);
            File.WriteAllLines(chpl, lines);
            var gecc = Path.Combine(dir.FullName, "gecc_countries.csv");
            File.WriteAllText(gecc, File.ReadAllText(gecc).Replace("country,iso2,", "country,code,", StringComparison.Ordinal));

            var result = ReferenceData.Load(dir.FullName);

            Assert.False(result.Succeeded);
            Assert.Equal(
                [
                    "chpl_hs_codes.csv:4: error: field 'hs6': '85A233' is not a 6-digit HS code",
                    "chpl_hs_codes.csv:6: error: field 'tier': '7' is not a CHPL tier (1, 2, 3.A, 3.B, 4.A, 4.B)",
                    "gecc_countries.csv:1: error: field 'iso2': required column is missing from the header",
                ],
                result.Diagnostics.Select(d => d.ToString()).ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFileAndUnclosedQuote_AreReported()
    {
        var dir = CopyReference();
        try
        {
            File.Delete(Path.Combine(dir.FullName, "red_flags.csv"));
            var result = ReferenceData.Load(dir.FullName);
            Assert.Equal("red_flags.csv: error: the file is missing from the reference directory", Assert.Single(result.Diagnostics).ToString());

            File.Copy(Path.Combine(TestPaths.Reference, "red_flags.csv"), Path.Combine(dir.FullName, "red_flags.csv"));
            File.AppendAllText(Path.Combine(dir.FullName, "places_of_concern.csv"), "Nowhere,\"Never closed,port,IR,1,2,x,y\n");
            result = ReferenceData.Load(dir.FullName);
            Assert.Contains(result.Diagnostics, d => d.File == "places_of_concern.csv" && d.Line == 14 && d.Message.Contains("not closed", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The shared files are copied to a temporary directory to be broken there; nothing is written to the repository.
    private static DirectoryInfo CopyReference()
    {
        var dir = TestPaths.NewTempDirectory();
        foreach (var name in ReferenceData.FileNames)
        {
            File.Copy(Path.Combine(TestPaths.Reference, name), Path.Combine(dir.FullName, name));
        }

        return dir;
    }
}
