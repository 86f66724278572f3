using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>The SHA-256 of a listed entry's content, so a clearance lapses when the list changes the entry.</summary>
/// <remarks>
/// The provenance (file name, publication date) is left out: a new edition of the list that repeats the entry word
/// for word does not lapse earlier clearances. Stateless and thread-safe.
/// </remarks>
public static class ListEntryFingerprint
{
    private static readonly JsonSerializerOptions Options = new(CaseJson.Options);

    /// <summary>Returns the lower-case hex SHA-256 of the entry's canonical JSON, provenance excluded.</summary>
    public static string Compute(ListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = entry with { Provenance = new Provenance(entry.Provenance.Source, "", default) };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Returns the lower-case hex SHA-256 of UTF-8 text.</summary>
    public static string HashText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
