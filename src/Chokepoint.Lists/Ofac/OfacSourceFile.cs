using System.Security.Cryptography;
using System.Text;
using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>File-level checks shared by the OFAC readers: lookup by name, hashing and spotting HTML error pages.</summary>
/// <remarks>Thread-safe.</remarks>
internal static class OfacSourceFile
{
    /// <summary>Finds a file in the folder by name, ignoring case (the list service publishes <c>SDN.CSV</c>, the legacy site <c>sdn.csv</c>).</summary>
    public static FileInfo? Find(DirectoryInfo folder, string name)
    {
        if (!folder.Exists)
        {
            return null;
        }

        foreach (var file in folder.EnumerateFiles())
        {
            if (string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Returns the name diagnostics use: <c>&lt;source&gt;/&lt;dated folder&gt;/&lt;file&gt;</c>.</summary>
    public static string DisplayName(string source, DirectoryInfo folder, string fileName) => $"{source}/{folder.Name}/{fileName}";

    /// <summary>Describes the bytes read, with their SHA-256.</summary>
    public static SourceFile Describe(string fileName, byte[] bytes) =>
        new(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);

    /// <summary>Gets whether the bytes begin like an HTML page (a portal's error or login page saved under the list's name).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        if (start < 0)
        {
            return false;
        }

        var head = bytes[start..Math.Min(bytes.Length, start + 512)];
        return head[0] == (byte)'<'
            && (Contains(head, "<html"u8) || Contains(head, "<!doctype html"u8) || Contains(head, "<head"u8) || Contains(head, "<body"u8));
    }

    /// <summary>Returns the 1-based line of a byte offset.</summary>
    public static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        Span<byte> lower = stackalloc byte[haystack.Length];
        for (var i = 0; i < haystack.Length; i++)
        {
            lower[i] = haystack[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(haystack[i] | 0x20) : haystack[i];
        }

        return lower.IndexOf(needle) >= 0;
    }

    /// <summary>Windows-1252, the encoding of OFAC's legacy CSV files.</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Code page 1252 is not available.");
}
