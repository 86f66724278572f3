using Chokepoint.Core;

namespace Chokepoint.Cases.Tests;

internal static class CaseBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static ScreeningMatch Match(string entityId, double score) =>
        new(EntityId.Parse(entityId), score, "ACME TRADING", EntitySchema.Organization, new MatchExplanation(score, [], [], [], []));

    public static Case WithAlert(TimeProvider time, string partyKey = "id:C-1", params (string Id, string Hash)[] entries)
    {
        var c = Case.Open(Guid.NewGuid(), partyKey, "Acme Trading", time.GetUtcNow());
        var matches = entries.Length == 0 ? [new AlertMatch("us_ofac_sdn:1", "ACME", 0.9, "h1", "{}")] : entries.Select(e => new AlertMatch(e.Id, "ACME", 0.9, e.Hash, "{}"));
        Assert.True(c.AddAlert(Guid.NewGuid(), "api", "{}", matches, "client", time.GetUtcNow()).IsSuccess);
        return c;
    }
}
