using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade.Tests;

public class ComponentMatchingTests
{
    private static readonly ComponentIndex Index = new(TradeFixtures.Reference.Components, ManufacturerAliases.Default);

    [Theory]
    [InlineData("STM32F405RGT6", "STMicroelectronics", "STM32F405RGT6", "Exact")]
    [InlineData("stm32f405rgt6", null, "STM32F405RGT6", "Exact")]
    [InlineData("STM32F405RGT6TR", "ST", "STM32F405RGT6", "Suffix")]
    [InlineData("STM32F405RGT6-REEL", "ST", "STM32F405RGT6", "Suffix")]
    [InlineData("STM32F405RGT6/TR", "ST", "STM32F405RGT6", "Suffix")]
    [InlineData("IRF4905#PBF", "Infineon", "IRF4905", "Suffix")]
    [InlineData("AD9361BBCZ-ND", "ADI", "AD9361", "Suffix")]
    [InlineData("STM32F4O5RGT6", "ST", "STM32F405RGT6", "Exact")]
    [InlineData("5TM32F405RGT6", "ST", "STM32F405RGT6", "Exact")]
    [InlineData("МАХ3232", "Maxim", "MAX3232", "Exact")]
    [InlineData("ATMEGA2560-16AU", "Atmel", "ATMEGA2560", "Suffix")]
    [InlineData("XC7A35T-1CSG324C", "AMD", "XC7A35T", "Suffix")]
    [InlineData("STM32F405VGT6", "STMicroelectronics", "5TM32F405", "Family")]
    [InlineData("NEO M8N", "u-blox", "NEO-M8N", "Exact")]
    public void Find_OrderedVariant_MeetsListedPart(string ordered, string? maker, string expectedKeyOrPart, string kind)
    {
        var match = Index.Find(ordered, maker);

        Assert.NotNull(match);
        Assert.Equal(kind, match.Value.Kind.ToString());
        var shown = kind == "Family" ? match.Value.ListedKey : match.Value.Components[0].PartNumberNormalized;
        Assert.Equal(expectedKeyOrPart, shown);
        Assert.NotEqual(false, match.Value.ManufacturerAgrees);
    }

    [Theory]
    [InlineData("GRM188R71H104KA93D", "Murata")]
    [InlineData("LM", null)]
    public void Find_UnrelatedOrTooLoose_FindsNothing(string ordered, string? maker) => Assert.Null(Index.Find(ordered, maker));

    [Fact]
    public void Check_FamilyMatchFromAnotherMaker_IsNotReported()
    {
        var doc = new ShipmentDocument
        {
            Id = "F",
            Parties = [new ShipmentParty { Role = PartyRole.Buyer, Name = "Acme", Country = "DE" }],
            Items = [new ShipmentItem { PartNumber = "STM32F405VGT6", Manufacturer = "Texas Instruments" }, new ShipmentItem { PartNumber = "STM32F405VGT6", Manufacturer = "ST" }],
        };

        var finding = Assert.Single(TradeFixtures.WithFake().Check(doc).Findings, f => f.Kind == FindingKind.Component);

        Assert.Equal("items[1].partNumber", finding.Evidence["field"]);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.Equal("family", finding.Evidence["match"]);
    }

    [Fact]
    public void Find_LongSuffixWithoutSeparator_IsOnlyAFamilyMatch() =>
        Assert.Equal("Family", Index.Find("STM32F405RGT6EXTRALONG", "ST")!.Value.Kind.ToString());

    [Fact]
    public void Find_ListedPartFromAnotherMaker_SaysMakersDisagree()
    {
        var match = Index.Find("TLC2741", "Microchip");

        Assert.Equal(false, match!.Value.ManufacturerAgrees);
    }

    [Theory]
    [InlineData("TI", "Texas Instruments")]
    [InlineData("Linear Technology", "Analog Devices")]
    [InlineData("Maxim Integrated Products (Analog Devices)", "ADI")]
    [InlineData("Freescale", "NXP Semiconductors")]
    [InlineData("Atmel", "Microchip Technology Inc.")]
    [InlineData("Cypress", "International Rectifier (Infineon Technologies)")]
    [InlineData("AMD", "Xilinx Inc.")]
    [InlineData("Intel", "Altera Corporation")]
    [InlineData("ublox", "U-blox")]
    [InlineData("ST", "STMicroelectronics")]
    public void Agree_Aliases_NameTheSameMaker(string a, string b) =>
        Assert.True(ManufacturerAliases.Agree(ManufacturerAliases.Default.Groups(a), ManufacturerAliases.Default.Groups(b)));

    [Fact]
    public void Agree_DifferentMakers_Disagree() =>
        Assert.False(ManufacturerAliases.Agree(ManufacturerAliases.Default.Groups("Texas Instruments"), ManufacturerAliases.Default.Groups("Murata")));

    [Theory]
    [InlineData("MАХ-3232 ЕЕ", "MAX3232EE")]
    [InlineData("stm32f4o5", "STM32F405")]
    public void Key_LookAlikesAndSeparators_FoldToOneKey(string a, string b) => Assert.Equal(PartNumber.Key(b), PartNumber.Key(a));
}
