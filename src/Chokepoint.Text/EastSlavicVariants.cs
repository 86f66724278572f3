namespace Chokepoint.Text;

/// <summary>
/// Compares tokens the way Russian, Ukrainian and Belarusian spellings of one name differ: in vowels, in Ukrainian
/// and Belarusian h for Russian g, Belarusian ts and dz for soft t and d, and Belarusian u (ў) for v.
/// </summary>
/// <remarks>
/// Serhii/Sergei, Volodymyr/Uladzimir/Vladimir, Valiantsina/Valentina, Henadzevich/Gennadevich and
/// Aliaksandrauna/Aleksandrovna share a loose consonant skeleton. Allocates nothing. Stateless and thread-safe.
/// </remarks>
internal static class EastSlavicVariants
{
    private const int MaxKey = 48;

    /// <summary>Returns the length of the loose skeleton of <paramref name="key"/> when it equals <paramref name="skeleton"/>, else 0.</summary>
    public static int SharedSkeleton(string key, string skeleton)
    {
        if (key.Length > MaxKey || skeleton.Length == 0)
        {
            return 0;
        }

        Span<char> x = stackalloc char[key.Length];
        var n = Skeleton(key, x);
        return x[..n].SequenceEqual(skeleton) ? n : 0;
    }

    /// <summary>
    /// Returns whether two keys are one name read with Belarusian akanye and tsekanne: unstressed o written a, h for g
    /// and ts for soft t (Aleh/Oleg, Raman/Roman, Tatsiana/Tatiana). Vowels stay, so Olga is not Aleh.
    /// </summary>
    public static bool AkanyeEqual(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 4)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (Akanye(a[i]) != Akanye(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char Akanye(char c) => c switch
    {
        'o' => 'a',
        'H' => 'g',
        'T' => 't',
        _ => c,
    };

    /// <summary>Returns the length of two equal skeletons made by <see cref="SkeletonOf"/>, or 0 when they differ.</summary>
    public static int Shared(string a, string b) => a.Length > 0 && string.Equals(a, b, StringComparison.Ordinal) ? a.Length : 0;

    // Ukrainian and Belarusian given names that no spelling rule turns into the Russian one (Mykola/Nikolai, Ryhor/
    // Grigory, Zmitser/Dmitry), with the stem their patronymics are built on (Mykolaiovych, Ryhoravich), as keys, so
    // every romanisation of them is found (г written h by the national systems and g by Russian-style ones).
    private static readonly (string Name, string Stem, string Russian, string RussianStem)[] GivenNames = Keys(
    [
        ("mykola", "mykola", "nikolai", "nikolae"),
        ("ryhor", "ryhor", "grigori", "grigorie"),
        ("rygor", "rygor", "grigori", "grigorie"),
        ("zmitser", "zmitr", "dmitri", "dmitrie"),
        ("yazep", "yazep", "iosif", "iosifo"),
        ("yakau", "yakaul", "yakov", "yakovle"),
        ("nadzeya", "", "nadezhda", ""),
        ("hanna", "", "anna", ""),
        ("ganna", "", "anna", ""),
    ]);

    /// <summary>
    /// Returns the Russian form of a Ukrainian or Belarusian given name or patronymic that spelling rules do not reach
    /// (Mykola: Nikolai; Mykolaiovych, Mikolayovich: Nikolaevich; Ryhoravich: Grigorievich), or null.
    /// </summary>
    /// <param name="key">The token's romanisation key (<see cref="Romanization.Key(string)"/>).</param>
    public static string? RussianGivenName(string key)
    {
        foreach (var (name, stem, russian, russianStem) in GivenNames)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return russian;
            }

            // The patronymic: the stem, a glide or linking vowel, and the male (-vich) or female (-vna, -una) ending.
            if (stem.Length > 0 && key.Length > stem.Length + 3 && key.StartsWith(stem, StringComparison.Ordinal))
            {
                if (key.EndsWith("iC", StringComparison.Ordinal))
                {
                    return russianStem + "vich";
                }

                if (key.EndsWith("na", StringComparison.Ordinal))
                {
                    return russianStem + "vna";
                }
            }
        }

        return null;
    }

    private static (string, string, string, string)[] Keys((string Name, string Stem, string Russian, string RussianStem)[] names) =>
        [.. names.Select(n => (Romanization.Key(n.Name), n.Stem.Length == 0 ? "" : Romanization.Key(n.Stem), n.Russian, n.RussianStem))];

    /// <summary>Returns the loose skeleton of a key (empty for keys too long to compare); tokens keep it, so comparing is a string test.</summary>
    public static string SkeletonOf(string? key)
    {
        if (key is null || key.Length == 0 || key.Length > MaxKey)
        {
            return "";
        }

        Span<char> x = stackalloc char[key.Length];
        var n = Skeleton(key, x);
        return n == 0 ? "" : new string(x[..n]);
    }

    private static int Skeleton(string key, Span<char> into)
    {
        var n = 0;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c == 'u' && (i == 0 ? next != '\0' && !Romanization.IsVowel(next) : Romanization.IsVowel(key[i - 1]) && !Romanization.IsVowel(next)))
            {
                // Belarusian ў after a vowel (-auna, -au) and у for в before a consonant (Uladzimir).
                c = 'v';
            }
            else if (Romanization.IsVowel(c))
            {
                continue;
            }

            c = c switch
            {
                'H' => 'g',
                'T' => 't',
                _ => c,
            };
            if (c == 'd' && next == 'z')
            {
                i++;
            }

            if (n > 0 && into[n - 1] == c)
            {
                continue;
            }

            into[n++] = c;
        }

        return n;
    }
}
