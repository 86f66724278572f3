namespace Chokepoint.Accuracy.Baselines;

/// <summary>American Soundex (a letter and three digits; H and W do not separate equal codes).</summary>
internal static class Soundex
{
    //                                    abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    /// <summary>Returns the code of an ASCII lower-case token, or null when it does not start with a letter.</summary>
    public static string? Encode(string token)
    {
        if (token.Length == 0 || token[0] is < 'a' or > 'z')
        {
            return null;
        }

        Span<char> code = ['0', '0', '0', '0'];
        code[0] = char.ToUpperInvariant(token[0]);
        var last = Codes[token[0] - 'a'];
        var length = 1;
        for (var i = 1; i < token.Length && length < 4; i++)
        {
            var ch = token[i];
            if (ch is < 'a' or > 'z')
            {
                continue;
            }

            var digit = Codes[ch - 'a'];
            if (ch is 'h' or 'w')
            {
                continue;
            }

            if (digit != '0' && digit != last)
            {
                code[length++] = digit;
            }

            last = digit;
        }

        return new string(code);
    }
}
