using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Trade;

/// <summary>
/// A Harmonized System code as digits only: a 2-digit chapter, 4-digit heading, 6-digit subheading or a longer
/// national tariff line (HTS, CN, Schedule B).
/// </summary>
/// <remarks>
/// Parsing accepts any common notation (<c>8542.31.0000</c>, <c>854231</c>, <c>8542</c>, <c>"8542 31"</c>,
/// <c>8542-31</c>) and keeps the digits. Immutable and thread-safe.
/// </remarks>
[JsonConverter(typeof(HsCodeJsonConverter))]
public readonly record struct HsCode
{
    /// <summary>The fewest digits a code may have (a chapter).</summary>
    public const int MinDigits = 2;

    /// <summary>The most digits a code may have (a 10-digit national line, with room for 12-digit extensions).</summary>
    public const int MaxDigits = 12;

    private HsCode(string digits) => Digits = digits;

    /// <summary>Gets the digits, without separators.</summary>
    public string Digits { get; }

    /// <summary>Gets the number of digits.</summary>
    public int Length => Digits?.Length ?? 0;

    /// <summary>Gets the 4-digit heading, or the whole code when shorter.</summary>
    public ReadOnlySpan<char> Heading => Digits.AsSpan(0, Math.Min(4, Length));

    /// <summary>Tries to parse a code in any notation; never throws.</summary>
    /// <remarks>Dots, spaces, dashes and slashes separate groups; any other character, or an odd digit count below 6, fails.</remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out HsCode code)
    {
        code = default;
        Span<char> buffer = stackalloc char[MaxDigits];
        var n = 0;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == MaxDigits)
                {
                    return false;
                }

                buffer[n++] = c;
            }
            else if (c is not ('.' or ' ' or '-' or '/'))
            {
                return false;
            }
        }

        // Chapters, headings and subheadings come in pairs of digits; national lines may be 7-12 digits.
        if (n < MinDigits || (n < 6 && n % 2 != 0))
        {
            return false;
        }

        code = new HsCode(new string(buffer[..n]));
        return true;
    }

    /// <summary>Parses a code in any notation.</summary>
    /// <exception cref="FormatException">The text is not an HS code.</exception>
    public static HsCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an HS code.");

    /// <summary>Gets whether this code lies within <paramref name="other"/> (this code starts with the other's digits).</summary>
    public bool IsWithin(HsCode other) => Length >= other.Length && Digits.AsSpan().StartsWith(other.Digits, StringComparison.Ordinal);

    /// <summary>Returns the dotted form: <c>8542</c>, <c>8542.31</c>, <c>8542.31.00</c>.</summary>
    public string ToDottedString() => Length switch
    {
        <= 4 => Digits,
        <= 6 => $"{Digits[..4]}.{Digits[4..]}",
        _ => $"{Digits[..4]}.{Digits[4..6]}.{Digits[6..]}",
    };

    /// <summary>Returns the digits.</summary>
    public override string ToString() => Digits ?? string.Empty;
}

/// <summary>Reads an <see cref="HsCode"/> from a string or number and writes its digits.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class HsCodeJsonConverter : JsonConverter<HsCode>
{
    /// <inheritdoc />
    public override HsCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.Number
            ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan)
            : reader.GetString();
        return HsCode.TryParse(text, out var code) ? code : throw new JsonException("Expected an HS code such as 8542.31.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, HsCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Digits);
    }
}
