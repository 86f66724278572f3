using System.Buffers;

namespace Chokepoint.Trade.Matching;

/// <summary>Folds a part number to a matching key: upper case, no separators, look-alike letters mapped to one glyph.</summary>
/// <remarks>
/// Cyrillic and Greek letters that look like Latin ones are mapped first (GUR publishes markings such as
/// <c>МАХ3490</c> in Cyrillic); then letters that look like digits are folded both ways (O/0, I/1/L, S/5, B/8, Z/2),
/// so a marking read or typed either way reaches the same key. Both sides of a comparison use the same fold.
/// Stateless and thread-safe; allocates only the returned key, or nothing when written into a buffer.
/// </remarks>
internal static class PartNumber
{
    /// <summary>The longest part number considered; longer text is cut.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Separators = SearchValues.Create(" -_/.\\#+,()[]:;'\"\u2010\u2011\u2012\u2013\u2014\u00A0");

    /// <summary>Returns the matching key of a part number, or an empty string.</summary>
    public static string Key(ReadOnlySpan<char> text) => Key(text, out _);

    /// <summary>Returns the matching key and, as bits, the key positions that follow a separator in the text.</summary>
    /// <param name="text">The part number as written.</param>
    /// <param name="boundaries">Bit <c>i</c> is set when key character <c>i</c> came right after a dash, slash, space or other separator.</param>
    public static string Key(ReadOnlySpan<char> text, out ulong boundaries)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Key(text, buffer, out boundaries)]);
    }

    /// <summary>Writes the matching key into a buffer of <see cref="MaxLength"/> characters and returns its length.</summary>
    /// <param name="text">The part number as written.</param>
    /// <param name="buffer">Where the key goes.</param>
    /// <param name="boundaries">Bit <c>i</c> is set when key character <c>i</c> came right after a dash, slash, space or other separator.</param>
    public static int Key(ReadOnlySpan<char> text, Span<char> buffer, out ulong boundaries)
    {
        boundaries = 0;
        var n = 0;
        foreach (var raw in text)
        {
            if (n == MaxLength)
            {
                break;
            }

            if (Separators.Contains(raw) || char.IsWhiteSpace(raw))
            {
                if (n > 0)
                {
                    boundaries |= 1UL << n;
                }

                continue;
            }

            var c = Fold(raw);
            if (c != '\0')
            {
                buffer[n++] = c;
            }
        }

        return n;
    }

    /// <summary>Maps one character to its key glyph, or '\0' to drop it.</summary>
    private static char Fold(char c)
    {
        c = c switch
        {
            // Cyrillic look-alikes (upper and lower case).
            'А' or 'а' => 'A', 'В' or 'в' => 'B', 'С' or 'с' => 'C', 'Е' or 'е' => 'E', 'Н' or 'н' => 'H',
            'І' or 'і' or 'Ӏ' => 'I', 'Ј' or 'ј' => 'J', 'К' or 'к' => 'K', 'М' or 'м' => 'M', 'О' or 'о' => 'O',
            'Р' or 'р' => 'P', 'Ѕ' or 'ѕ' => 'S', 'Т' or 'т' => 'T', 'Х' or 'х' => 'X', 'У' or 'у' => 'Y',
            'Ь' or 'ь' => 'B', 'З' or 'з' => '3', 'Ч' or 'ч' => '4',

            // Greek look-alikes.
            'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N', 'Ο' or 'ο' => 'O',
            'Ρ' => 'P', 'Τ' => 'T', 'Χ' => 'X', 'Υ' => 'Y', 'Ζ' => 'Z',
            _ => c,
        };

        if (char.IsAsciiLetterLower(c))
        {
            c = (char)(c - 32);
        }

        return c switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            'S' => '5',
            'B' => '8',
            'Z' => '2',
            _ when char.IsAsciiLetterOrDigit(c) => c,
            _ => '\0',
        };
    }
}
