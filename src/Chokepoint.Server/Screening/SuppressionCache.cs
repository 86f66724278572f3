using System.Collections.Concurrent;
using Chokepoint.Cases;

namespace Chokepoint.Server.Screening;

/// <summary>Keeps approved false positives in memory by party, so a screening needs no database read.</summary>
/// <remarks>Loaded at start; approvals add to it. Thread-safe.</remarks>
public sealed class SuppressionCache
{
    private readonly ConcurrentDictionary<string, Suppression[]> _byParty = new(StringComparer.Ordinal);

    /// <summary>Returns the party's suppressions (lapsed ones included).</summary>
    public IReadOnlyList<Suppression> For(string partyKey) => _byParty.TryGetValue(partyKey, out var list) ? list : [];

    /// <summary>Adds suppressions.</summary>
    public void Add(IEnumerable<Suppression> suppressions)
    {
        ArgumentNullException.ThrowIfNull(suppressions);
        foreach (var s in suppressions)
        {
            _byParty.AddOrUpdate(s.PartyKey, static (_, s) => [s], static (_, old, s) => [.. old, s], s);
        }
    }
}
