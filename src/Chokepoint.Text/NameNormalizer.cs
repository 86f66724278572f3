using System.Buffers;
using System.Globalization;
using System.Text;

namespace Chokepoint.Text;

/// <summary>
/// Turns a name in any script into Latin, lower-case, confusable-folded tokens and romanisation-converged keys.
/// </summary>
/// <remarks>
/// The same machinery serves party names, place names and manufacturer names. Input longer than
/// <see cref="MaxLength"/> characters is truncated. Stateless and thread-safe.
/// </remarks>
public static class NameNormalizer
{
    /// <summary>The number of characters of input that normalisation reads; the rest is ignored.</summary>
    public const int MaxLength = 1000;

    // Zero-width, bidi and other invisible characters that disguise a name without changing how it reads.
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B\u180C\u180D\u180E\u200B\u200C\u200D\u200E\u200F" +
        "\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206B" +
        "\u206C\u206D\u206E\u206F\u3164\uFE00\uFE01\uFE0E\uFE0F\uFEFF\uFFA0");

    // Apostrophes, primes and ayn/hamza signs: dropped inside a word (PROKOP'EV, Mus'ab, Kuz'michev).
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'`´ʹʺʻʼʽʾʿˈˊˋ‘’‛′″");

    /// <summary>Returns the normalised form of a text: its tokens joined by single spaces.</summary>
    /// <param name="text">Any text, in any script.</param>
    /// <returns>Latin lower-case tokens, e.g. <c>"ООО «Ромашка»"</c> gives <c>"ooo romashka"</c>.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ScriptToken>();
        Tokenize(text, tokens);
        var sb = new StringBuilder(text.Length);
        foreach (var t in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(t.Text);
        }

        return sb.ToString();
    }

    /// <summary>Returns the normalised tokens of a text.</summary>
    /// <param name="text">Any text, in any script.</param>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ScriptToken>();
        Tokenize(text, tokens);
        var result = new string[tokens.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = tokens[i].Text;
        }

        return result;
    }

    /// <summary>Returns the romanisation-converged key of one normalised token.</summary>
    /// <param name="token">A token as returned by <see cref="Tokens(string)"/>.</param>
    /// <remarks>
    /// Spellings of the same name in different romanisation systems share a key: <c>shcherbakov</c>,
    /// <c>scherbakov</c> and <c>schtscherbakow</c> all give the same one.
    /// </remarks>
    public static string Key(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Romanization.Key(token);
    }

    /// <summary>Returns the consonant skeleton of one normalised token (vowels and glides dropped).</summary>
    /// <param name="token">A token as returned by <see cref="Tokens(string)"/>.</param>
    public static string Skeleton(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Romanization.Skeleton(Romanization.Key(token));
    }

    /// <summary>Splits a text into normalised tokens, remembering which came from a script without written vowels.</summary>
    internal static void Tokenize(string text, List<ScriptToken> output)
    {
        var span = text.AsSpan();
        if (span.Length > MaxLength)
        {
            span = span[..MaxLength];
        }

        string composed;
        try
        {
            composed = span.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; drop them and go on.
            composed = RemoveSurrogates(span);
        }

        composed = ArabicLegalAbbreviations(composed);

        // ISO 9's â and û are я and ю in every word of a name that has another ISO 9 letter (Ûrʹevič Mirzaânc).
        var iso9 = composed.AsSpan().IndexOfAny(Confusables.Iso9Letters) >= 0;
        var word = new StringBuilder(32);
        var i = 0;
        while (i < composed.Length)
        {
            var c = composed[i];
            if (IsWordChar(composed, i))
            {
                word.Append(c);
                if (char.IsHighSurrogate(c) && i + 1 < composed.Length)
                {
                    word.Append(composed[i + 1]);
                    i++;
                }
            }
            else if (Invisible.Contains(c) || Apostrophes.Contains(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                // Joined: an invisible or apostrophe inside a word does not split it.
            }
            else
            {
                FlushWord(word, output, iso9);
            }

            i++;
        }

        FlushWord(word, output, iso9);
    }

    // Arabic legal forms written as dotted initials: ذ.م.م and ش.م.م (limited liability), ش.م.ع, ش.م.ل and ش.م.ب
    // (joint stock, as the Gulf, Lebanon and Bahrain write them). Read letter by letter they are three one-letter words.
    private static readonly System.Text.RegularExpressions.Regex ArabicLegal = new(
        @"(?<![\p{L}])(ش\s*\.\s*)?(ذ\s*\.\s*م\s*\.\s*م|ش\s*\.\s*م\s*\.\s*[معلب])\.?(?![\p{L}])",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string ArabicLegalAbbreviations(string text)
    {
        if (text.IndexOf('م', StringComparison.Ordinal) < 0 || text.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return ArabicLegal.Replace(text, static m =>
        {
            var last = m.Groups[2].Value.TrimEnd()[^1];
            return last switch
            {
                'م' => " LLC ",
                _ => " JSC ",
            };
        });
    }

    private static string RemoveSurrogates(ReadOnlySpan<char> span)
    {
        var sb = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                sb.Append(c).Append(span[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static bool IsWordChar(string s, int i)
    {
        var cat = char.IsHighSurrogate(s[i]) && i + 1 < s.Length
            ? CharUnicodeInfo.GetUnicodeCategory(s, i)
            : CharUnicodeInfo.GetUnicodeCategory(s[i]);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static void FlushWord(StringBuilder word, List<ScriptToken> output, bool iso9)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        Confusables.FoldMixedScript(ref w);
        var script = Confusables.DominantScript(w);
        var consonantal = script == WordScript.Consonantal;
        if (script == WordScript.Han || w.AsSpan().IndexOfAnyInRange('\uAC00', '\uD7A3') >= 0)
        {
            // One token per Han character or Hangul syllable: syllables meet a joined romanisation through compound
            // matching (김정은 gim jeong eun / Kim Jong Un).
            var run = new StringBuilder();
            var afterSyllable = false;
            for (var i = 0; i < w.Length; i++)
            {
                var c = w[i];
                var syllable = afterSyllable;
                afterSyllable = false;
                if (w.AsSpan(i).StartsWith("주식회사") || w.AsSpan(i).StartsWith("유한회사"))
                {
                    // Korean jusik hoesa and yuhan hoesa, which lists write Co., Ltd.
                    Emit(run.ToString(), false, output);
                    run.Clear();
                    Emit("co ltd", false, output);
                    i += 3;
                }
                else if (HangulRomanization.IsSyllable(c))
                {
                    Emit(run.ToString(), false, output);
                    run.Clear();
                    Emit(HangulRomanization.Syllable(c), false, output, han: true);
                }
                else if (Confusables.IsHan(c))
                {
                    Emit(run.ToString(), false, output);
                    run.Clear();

                    // Numbered institutes and factories are listed with digits (第十四研究所: 14th Research Institute).
                    var numeral = HanWords.Numeral(w, i, out var digits);
                    if (numeral > 0)
                    {
                        Emit(digits!, false, output);
                        i += numeral - 1;
                        continue;
                    }

                    // Trade words of company names are translated in listed names (有限公司 Limited, 电子 Electronics).
                    // A word whose tail is a word of its own, right after a brand's syllables, leaves its first
                    // character to the brand: 恒邦微电子 is Hengbangwei Electronics, 上海微电子 Shanghai Microelectronics.
                    var len = HanWords.Match(w, i, out var english);
                    if (len > 2 && syllable && HanWords.Match(w, i + 1, out _) == len - 1)
                    {
                        len = 0;
                    }

                    Emit(len > 0 ? english! : HanWords.NameReading(c) ?? c.ToString(), false, output, han: len == 0);
                    afterSyllable = len == 0;
                    i += Math.Max(len - 1, 0);
                }
                else
                {
                    run.Append(c);
                }
            }

            Emit(run.ToString(), false, output);
            return;
        }

        // The Arabic article written onto a capitalised name without a hyphen (AlSHAYKH, ElMasri) is a word of its own.
        if (script == WordScript.Latin && w.Length >= 5 && w[0] is 'A' or 'E' && w[1] == 'l' && char.IsAsciiLetterUpper(w[2]))
        {
            Emit(w[..2], false, output, iso9: iso9);
            w = w[2..];
        }

        Emit(w, consonantal, output, iso9: iso9);
    }

    private static void Emit(string word, bool consonantal, List<ScriptToken> output, bool han = false, bool iso9 = false)
    {
        // Arabic- and Hebrew-script words keep their own reading: the letters tell more than their romanisation (س+ه is not ش).
        var reading = consonantal ? ArabicReading.FromArabic(word) ?? HebrewReading.FromHebrew(word) : null;
        if (word.Length == 0)
        {
            return;
        }

        var latin = AnyAscii.Transliteration.Transliterate(ArmenianRomanization.Digraphs(GreekRomanization.Digraphs(Confusables.PreRomanize(word, iso9))));
        var sb = new StringBuilder(latin.Length);
        foreach (var ch in latin)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(ch);
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                sb.Append((char)(ch + 32));
            }
            else if (Apostrophes.Contains(ch))
            {
                // Georgian ejectives (k'), ayn and hamza: dropped.
            }
            else if (sb.Length > 0)
            {
                output.Add(new ScriptToken(sb.ToString(), consonantal, reading, han));
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            output.Add(new ScriptToken(sb.ToString(), consonantal, reading, han));
        }
    }
}

/// <summary>A normalised token and whether its source script writes short vowels.</summary>
/// <param name="Text">Latin lower-case letters and digits.</param>
/// <param name="Consonantal">True for Arabic, Persian and Hebrew script, whose short vowels are not written.</param>
/// <param name="Reading">The <see cref="ArabicReading"/> of an Arabic-script word, or null.</param>
/// <param name="Han">True for the pinyin reading of one Han character.</param>
internal readonly record struct ScriptToken(string Text, bool Consonantal, string? Reading = null, bool Han = false);
