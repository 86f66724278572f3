using Chokepoint.Core;
using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Cases.Tests;

public sealed class SuppressionTests
{
    private readonly FakeTimeProvider _time = new(CaseBuilder.Start);

    private Suppression Cleared(DateTimeOffset? expires) =>
        new(Guid.NewGuid(), "id:C-1", "us_ofac_sdn:1", "h1", Guid.NewGuid(), Guid.NewGuid(), "ana", "sue", _time.GetUtcNow(), expires);

    private static ScreeningResult Result() =>
        new("C-1", true, 0.8, [CaseBuilder.Match("us_ofac_sdn:1", 0.9), CaseBuilder.Match("us_ofac_sdn:2", 0.6)]);

    [Fact]
    public void Apply_SameEntryUnchanged_SuppressesWithNote()
    {
        var (result, count) = SuppressionRules.Apply(Result(), "id:C-1", [Cleared(null)], _ => "h1", _time.GetUtcNow());

        Assert.Equal(1, count);
        Assert.False(result.Alert);
        Assert.Equal("previously cleared by ana (approved by sue) on 2026-03-01", result.Matches[0].Explanation.Note);
        Assert.Null(result.Matches[1].Explanation.Note);
    }

    [Fact]
    public void Apply_EntryChanged_AlertsAgain()
    {
        var (result, count) = SuppressionRules.Apply(Result(), "id:C-1", [Cleared(null)], _ => "h2", _time.GetUtcNow());

        Assert.Equal(0, count);
        Assert.True(result.Alert);
    }

    [Fact]
    public void Apply_Expired_AlertsAgain()
    {
        var s = Cleared(_time.GetUtcNow().AddDays(10));
        _time.Advance(TimeSpan.FromDays(10));

        var (result, _) = SuppressionRules.Apply(Result(), "id:C-1", [s], _ => "h1", _time.GetUtcNow());

        Assert.True(result.Alert);
    }

    [Fact]
    public void Apply_OtherParty_AlertsAgain()
    {
        var (result, _) = SuppressionRules.Apply(Result(), "id:C-2", [Cleared(null)], _ => "h1", _time.GetUtcNow());

        Assert.True(result.Alert);
    }

    [Fact]
    public void Fingerprint_ContentChange_ChangesHashButNewEditionDoesNot()
    {
        var entry = new ListEntry
        {
            Id = EntityId.Parse("us_ofac_sdn:1"),
            Schema = EntitySchema.Organization,
            Name = "ACME",
            Provenance = new Provenance("us_ofac_sdn", "sdn.xml", new DateOnly(2026, 1, 1)),
        };

        var same = entry with { Provenance = new Provenance("us_ofac_sdn", "sdn2.xml", new DateOnly(2026, 2, 1)) };
        var changed = entry with { Aliases = [new Alias("ACME LLC", AliasKind.Aka)] };

        Assert.Equal(ListEntryFingerprint.Compute(entry), ListEntryFingerprint.Compute(same));
        Assert.NotEqual(ListEntryFingerprint.Compute(entry), ListEntryFingerprint.Compute(changed));
    }

    [Theory]
    [InlineData("C-1", "Acme", null, "id:C-1")]
    [InlineData(null, "  Ácme   Trading, LLC ", "ru", "name:acme trading llc|RU")]
    public void PartyKey_From_FoldsNameOrUsesId(string? id, string name, string? country, string expected) =>
        Assert.Equal(expected, PartyKey.From(new PartyQuery { Id = id, Name = name, Country = country }));
}
