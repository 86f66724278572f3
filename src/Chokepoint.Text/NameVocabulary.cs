using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>The words of names that are not names: legal forms, weak words, titles and particles.</summary>
/// <remarks>
/// Phrases are stored by their romanisation keys, so every spelling of a legal form (Obshchestvo s Ogranichennoy
/// Otvetstvennostyu, Obshestvo s ogranichennoi otvetstvennost'iu) is recognised. Built once; thread-safe.
/// </remarks>
internal static class NameVocabulary
{
    /// <summary>The longest legal-form phrase, in tokens.</summary>
    public const int MaxPhrase = 6;

    // Each line is one class of equivalent legal forms; a listed OOO meets a queried LLC or "Limited".
    private static readonly string[][] LegalFormClasses =
    [
        ["llc", "ooo", "tov", "too", "ltd", "limited", "limited liability company", "limited liability co", "limited liability partnership", "llp",
         "obshchestvo s ogranichennoi otvetstvennostiu", "obshestvo s ogranichennoi otvetstvennostiu", "tovarystvo z obmezhenoiu vidpovidalnistiu",
         "tovarishchestvo s ogranichennoi otvetstvennostiu", "gmbh", "sarl", "srl", "sro", "sp z o o", "spzoo", "pvt", "pvt ltd", "private limited",
         "pte", "pte ltd", "pty", "pty ltd", "co ltd", "company limited", "limited company", "sdn bhd", "bhd", "ltda", "limitada", "mchj", "lp",
         "limited partnership", "s de rl", "private ltd", "co limited", "l l c", "zhshs", "zhauapkershiligi shekteuli seriktestigi", "taa",
         "tavarystva z abmezhavanai adkaznastsiu", "tov", "mmc", "mchj", "ooo", "tuzilmasi", "ou", "osauhing", "zhchk",
         "zhoopkerchiligi chektelgen koom", "shps", "sia", "uab", "ood", "eood", "doo", "d o o", "kft", "sp zoo", "sprl", "bvba", "bv",
         // Turkish limited sirketi (Ltd. Sti.).
         "limited sirketi", "ltd sti", "limited sti", "sti",
         // Abbreviated words inside spelled-out forms, dotted acronyms read letter by letter (three letters or more, so
         // a person's two initials stay initials), and German forms.
         "ltd liability company", "ltd liability co", "ltd liability partnership", "limited liability partnership co", "l l p", "o o o", "t o o",
         "gesellschaft mit beschraenkter haftung", "gesellschaft mit beschrankter haftung", "gmbh co kg", "gmbh und co kg", "kg",
         "kommanditgesellschaft", "gesellschaft mit beschraenkter haftung co kg", "gesellschaft mit beschrankter haftung co kg",
         "unternehmergesellschaft", "pte ltd co", "s r l", "s a r l",
         // Czech and Slovak s.r.o., Uzbek МЧЖ and Kyrgyz ОсОО in Cyrillic, Armenian ՍՊԸ, Greek Ε.Π.Ε. and Ι.Κ.Ε.
         "s r o", "spol s r o", "mchzh", "osoo", "spe", "spy", "e p e", "epe", "i k e", "ike",
         // Japanese kabushiki kaisha and Korean jusik hoesa, which lists write Co., Ltd.; Vietnamese TNHH.
         "kabushiki kaisha", "kabushiki gaisha", "k k", "yugen kaisha", "godo kaisha", "jusik hoesa", "jusikhoesa", "cong ty tnhh", "tnhh", "cong ty trach nhiem huu han", "aps",
         // Spanish and Portuguese partnerships (S. en C., sociedad en comandita) and Mexico's S. de R.L. de C.V.
         "s en c", "s en cs", "s en c s", "sociedad en comandita", "sociedad en comandita simple", "s en c a", "s de r l",
         "sociedad de responsabilidad limitada", "cia ltda"],
        ["jsc", "ao", "oao", "zao", "pao", "ojsc", "cjsc", "pjsc", "joint stock company", "open joint stock company", "closed joint stock company",
         "public joint stock company", "joint stock", "aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
         "publichnoe aktsionernoe obshchestvo", "aktsionerne tovarystvo", "pat", "prat", "ag", "sa", "s a", "plc", "public limited company",
         "sociedad anonima", "societe anonyme", "spa", "nv", "sa de cv", "s a de c v", "de cv", "de c v", "jsco", "joint stock co", "oisc", "ojsc",
         "aat", "zat", "adkrytae aktsyianernae tavarystva", "aktsyianernae tavarystva", "aq", "aktsionerlik kogam", "aksiyadorlik jamiyati",
         "j s c", "o j s c", "c j s c", "p j s c", "z a o", "o a o", "p a o", "public joint stock co", "closed joint stock co",
         "open joint stock co", "public jsc", "closed jsc", "open jsc", "aktiengesellschaft", "akb", "aktsionernyi kommercheskii bank",
         "aktsionernyi kommercheski bank", "joint stock commercial bank", "public joint stock commercial bank", "p l c",
         // Persian: sherkat-e sahami-e khass (private) and aam (public) joint stock company.
         "sahami khass", "sherkat sahami khass", "sherkate sahami khass", "sahami khas", "sherkat sahami khas", "sahami aam",
         "sherkat sahami aam", "sherkate sahami aam", "private joint stock company", "private joint stock co",
         // Turkish anonim sirketi (A.S.), Greek Α.Ε., Vietnamese cong ty co phan.
         "anonim sirketi", "a s", "a e", "ae", "cong ty co phan", "ctcp", "oy", "oyj"],
        ["co", "company", "corp", "corporation", "inc", "incorporated", "sherkat", "shirkat", "sherkate", "kompaniia", "compania", "compagnie", "cie",
         "firm", "firma", "cong ty",
         // "and company" in Spanish and Portuguese names (Hodwalker y Cia., Irmaos e Cia.).
         "y cia", "e cia", "and cia", "y compania", "e companhia", "cia"],
        ["fze", "fzco", "fzc", "fz llc", "fzllc", "free zone establishment", "free zone company", "dmcc"],
        ["npo", "nauchno proizvodstvennoe obedinenie", "scientific production association", "research and production association",
         "science and production association", "scientific and production association", "scientific production union"],
        ["npp", "nauchno proizvodstvennoe predpriiatie", "scientific production enterprise", "research and production enterprise",
         "scientific and production enterprise", "science and production enterprise"],
        ["npk", "nauchno proizvodstvennaia korporatsiia", "scientific production corporation", "research and production corporation",
         "scientific and production corporation"],
        ["nii", "nauchno issledovatelskii institut", "scientific research institute", "research institute"],
        ["fgup", "federalnoe gosudarstvennoe unitarnoe predpriiatie", "federal state unitary enterprise", "fsue"],
        ["gup", "gosudarstvennoe unitarnoe predpriiatie", "state unitary enterprise", "state enterprise", "gosudarstvennoe predpriiatie",
         "derzhavne pidpryiemstvo"],
        ["fkp", "federalnoe kazennoe predpriiatie", "federal state owned enterprise", "federal treasury enterprise", "federal public enterprise",
         "fse", "federal state enterprise", "state owned enterprise", "kazennoe predpriiatie"],
        ["kb", "okb", "konstruktorskoe biuro", "opytno konstruktorskoe biuro", "design bureau", "experimental design bureau"],
        ["ip", "individualnyi predprinimatel", "individual entrepreneur"],
        ["ano", "avtonomnaia nekommercheskaia organizatsiia", "autonomous non profit organization", "autonomous nonprofit organization"],
        // Non-profit associations: Belgian VZW/ASBL, German eingetragener Verein.
        ["vzw", "asbl", "vereniging zonder winstoogmerk", "association sans but lucratif", "eingetragener verein"],
        ["up", "unitarnoe predpriiatie", "unitary enterprise"],
    ];

    private static readonly string[] WeakWords =
    [
        "trading", "trade", "group", "international", "intl", "industries", "industrial", "industry", "holding", "holdings", "enterprise",
        "enterprises", "services", "service", "general", "import", "export", "commercial", "investment", "investments", "development",
        "management", "technology", "technologies", "engineering", "establishment", "organization", "organisation", "foundation", "center",
        "centre", "global", "gruppa", "solutions", "systems", "logistics", "shipping", "products", "manufacturing", "factory", "zavod",
        "kompaniya", "partners", "associates", "agency", "firm", "state", "national", "joint", "venture", "aviakompaniia", "airlines",
        "airline", "plant", "works", "kombinat", "kontsern", "concern", "korporatsiia", "organizatsiia", "predpriiatie", "obedinenie",
        "machine", "machinery", "building", "mashinostroitelnyi", "mashinostroenie",
        // Persian and Turkish words for industry, trade and company (Karanir Sanat, Sanayi ve Ticaret).
        "sanat", "sanaye", "sanayi", "sanaat", "tejarat", "ticaret", "bazargani", "ithalat", "ihracat",
        "cargo", "force", "forces", "troops",
        // What electronics traders call themselves (Steppe Components, Volga Elektronika): words of the trade, not of the company.
        "component", "components", "komponent", "komponenty", "electronics", "electronic", "elektronika", "elektronik", "supply", "supplies",
        // All-Russian and interregional, in the inflections names use.
        "vserossiiskii", "vserossiiskaia", "vserossiiskoe", "vserossiyskiy", "vserossiyskaya", "vserossiyskoye", "vserossiiskogo",
        "obshcherossiiskii", "obshcherossiiskaia", "obshcherossiiskoe", "obshcherossiyskaya", "obshcherossiyskoye",
        "mezhregionalnyi", "mezhregionalnaia", "mezhregionalnoe", "mezhregionalnaya", "mezhregionalnoye",
    ];

    private static readonly string[] Titles =
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "haji", "hajji", "hadji", "alhaj", "alhaji", "sheikh", "shaikh", "shaykh", "sheik",
        "cheikh", "mullah", "mulla", "mawlawi", "maulvi", "maulavi", "moulavi", "mawlavi", "general", "gen", "colonel", "col", "major", "maj", "captain",
        "capt", "lieutenant", "lt", "brigadier", "admiral", "sir", "lord", "imam", "ayatollah", "hojatoleslam",
        // Religious titles of South Asian and Afghan names (Qari Muhammad Yaqoob, Maulana Masood Azhar, Mufti Rauf).
        "qari", "maulana", "mawlana", "moulana", "mufti",
    ];

    private static readonly string[] Particles =
    [
        "al", "el", "ul", "ad", "as", "ash", "at", "ar", "an", "az", "ud", "ed", "bin", "ibn", "ben", "bint", "bn", "binti", "ould", "e", "ye",
        "de", "del", "della", "der", "den", "la", "le", "les", "van", "von", "da", "di", "dos", "das", "du", "y", "of", "the", "and", "und",
        "et", "for", "l", "bnt", "li", "imeni", "named", "after", "ech",
        // Arabic "in" and "and the" in transliterated organisation names (Tawhid wal Jihad fi Garbi Afriqiya).
        "fi", "wal",
    ];

    // Prefixes of the Abd family (Abdul Rahman, Abdel Rahman, Abd al-Rahman, Abdoul Rahman) canonicalised to "abd".
    private static readonly string[] AbdPrefixes = ["abdoul", "abdoul", "abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abd"];

    private static readonly FrozenDictionary<string, int> LegalForms = BuildLegalForms();
    /// <summary>The length of the longest legal-form phrase key: a longer phrase is none.</summary>
    public static readonly int LongestLegalForm = LegalForms.Keys.Max(k => k.Length);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LegalFormsBySpan = LegalForms.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<char, string[]> LegalWords = BuildLegalWords();
    private static readonly FrozenSet<string> WeakKeys = KeysOf(WeakWords);
    private static readonly FrozenSet<string> TitleKeys = KeysOf(Titles);
    private static readonly FrozenSet<string> ParticleKeys = KeysOf(Particles);

    private static FrozenDictionary<string, int> BuildLegalForms()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < LegalFormClasses.Length; c++)
        {
            foreach (var phrase in LegalFormClasses[c])
            {
                d.TryAdd(PhraseKey(phrase), c + 1);
            }
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The words of legal-form phrases (four letters or more), by first letter of their key.
    private static FrozenDictionary<char, string[]> BuildLegalWords()
    {
        var words = new Dictionary<char, HashSet<string>>();
        foreach (var line in LegalFormClasses)
        {
            foreach (var phrase in line)
            {
                foreach (var word in phrase.Split(' '))
                {
                    var key = Romanization.Key(word);
                    if (key.Length >= 4)
                    {
                        if (!words.TryGetValue(key[0], out var set))
                        {
                            set = new HashSet<string>(StringComparer.Ordinal);
                            words[key[0]] = set;
                        }

                        set.Add(key);
                    }
                }
            }
        }

        var d = new Dictionary<char, string[]>();
        foreach (var (c, set) in words)
        {
            var sorted = new string[set.Count];
            set.CopyTo(sorted);
            Array.Sort(sorted, StringComparer.Ordinal);
            d[c] = sorted;
        }

        return d.ToFrozenDictionary();
    }

    private static string PhraseKey(string phrase)
    {
        var parts = phrase.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Romanization.Key(parts[i]);
        }

        return string.Join(' ', parts);
    }

    private static FrozenSet<string> KeysOf(string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            set.Add(Romanization.Key(w));
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Returns the legal-form word one edit away from a key of four letters or more (limired: limited), or null.</summary>
    /// <remarks>The first letter must agree; a key that is itself a legal-form word gives null.</remarks>
    public static string? CorrectLegalWord(string key)
    {
        if (key.Length < 4 || !LegalWords.TryGetValue(key[0], out var words))
        {
            return null;
        }

        foreach (var w in words)
        {
            if (string.Equals(w, key, StringComparison.Ordinal))
            {
                return null;
            }
        }

        foreach (var w in words)
        {
            if (EditDistance.Bounded(key, w, 1) <= 1)
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>Returns the legal-form class (1-based) of a phrase of keys joined by spaces, or 0.</summary>
    public static int LegalFormClass(string phraseKey) => LegalForms.TryGetValue(phraseKey, out var c) ? c : 0;

    /// <summary>Returns the legal-form class (1-based) of a phrase of keys joined by spaces, written in a buffer, or 0.</summary>
    public static int LegalFormClass(ReadOnlySpan<char> phraseKey) => LegalFormsBySpan.TryGetValue(phraseKey, out var c) ? c : 0;

    public static bool IsWeak(string key) => WeakKeys.Contains(key);

    /// <summary>
    /// Returns the digits a number word or ordinal stands for (two, second, 2nd: 2), "number" for its abbreviations
    /// (no, nr, num), or null. Lists write MINING ENTERPRISE NO. 2 where a customer writes Number Two.
    /// </summary>
    public static string? NumberReading(string text) => Numbers.GetValueOrDefault(text) ?? OrdinalDigits(text);

    // 14th, 101st, 22nd: the digits (lists write CETC 14TH RESEARCH INSTITUTE where a query writes No. 14).
    private static string? OrdinalDigits(string text)
    {
        var digits = text.Length - 2;
        if (digits < 1 || digits > 4 || !text.EndsWith("th", StringComparison.Ordinal) && !text.EndsWith("st", StringComparison.Ordinal)
            && !text.EndsWith("nd", StringComparison.Ordinal) && !text.EndsWith("rd", StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = 0; i < digits; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return null;
            }
        }

        return text[..digits];
    }

    private static readonly FrozenDictionary<string, string> Numbers = BuildNumbers();

    private static FrozenDictionary<string, string> BuildNumbers()
    {
        string[] cardinals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
        var d = new Dictionary<string, string>(StringComparer.Ordinal) { ["no"] = "number", ["nr"] = "number", ["num"] = "number" };
        for (var i = 0; i < cardinals.Length; i++)
        {
            var digits = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            d[cardinals[i]] = digits;
            d[ordinals[i]] = digits;
            d[digits + (i switch { 0 => "st", 1 => "nd", 2 => "rd", _ => "th" })] = digits;
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsTitle(string key) => TitleKeys.Contains(key);

    public static bool IsParticle(string key) => ParticleKeys.Contains(key);

    /// <summary>Splits a joined Abd-family token (abdulrahman) into "abd" and the rest; returns null when it is not one.</summary>
    public static (string Head, string? Tail)? SplitAbd(string text)
    {
        // Two neighbouring letters of the prefix swapped by a typing slip (Abudl, Adbul, Abdlu Samad) are still the prefix:
        // no name begins so.
        if (text.Length >= 5 && IsSwappedAbdPrefix(text.AsSpan(0, 5)))
        {
            var rest = text[5..];
            return rest.Length == 0 ? ("abd", null) : rest.Length >= 2 ? ("abd", rest) : null;
        }

        foreach (var p in AbdPrefixes)
        {
            if (text.StartsWith(p, StringComparison.Ordinal))
            {
                var rest = text[p.Length..];
                if (rest.Length == 0)
                {
                    return ("abd", null);
                }

                if (rest.Length >= 2 && p.Length > 3)
                {
                    return ("abd", rest);
                }

                if (p.Length == 3 && rest.Length >= 3 && (rest.StartsWith("al", StringComparison.Ordinal) || rest.StartsWith("ul", StringComparison.Ordinal) || rest.StartsWith("el", StringComparison.Ordinal)))
                {
                    return ("abd", rest[2..]);
                }

                return null;
            }
        }

        return null;
    }

    // abdul, abdel, abdal, abdol with one pair of neighbouring letters swapped (not the first, which keeps the a).
    private static bool IsSwappedAbdPrefix(ReadOnlySpan<char> five)
    {
        if (five[0] != 'a' || (five[4] != 'l' && five[3] != 'l'))
        {
            return false;
        }

        Span<char> fixedUp = stackalloc char[5];
        for (var i = 1; i < 4; i++)
        {
            five.CopyTo(fixedUp);
            (fixedUp[i], fixedUp[i + 1]) = (fixedUp[i + 1], fixedUp[i]);
            if (!fixedUp.SequenceEqual(five) && fixedUp.StartsWith("abd") && fixedUp[4] == 'l' && fixedUp[3] is 'u' or 'e' or 'a' or 'o')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits a name written with al-Din glued on (Nureddin, Salahuddin, Sirajuddin, Noureddine) into its first part,
    /// or returns "" for the glued article and din alone (Uddin); null otherwise. Only the doubled d of the assimilated
    /// article counts, so Slavic -din and -odin (Volodin, Borodin) stay whole.
    /// </summary>
    public static string? SplitDin(string text)
    {
        var s = text.AsSpan();
        var end = s.EndsWith("ddine") || s.EndsWith("ddeen") ? s.Length - 5 : s.EndsWith("ddin") ? s.Length - 4 : -1;
        if (end < 0)
        {
            return null;
        }

        var head = end > 0 && s[end - 1] is 'u' or 'e' or 'o' or 'a' or 'i' ? end - 1 : end;
        return head == 0 ? "" : head >= 3 ? text[..head] : null;
    }

    /// <summary>Returns the Russian patronymic ending (ovna, ovich) that a Turkic daughter-of or son-of word stands for, or null.</summary>
    public static string? TurkicPatronymicEnding(string text) => text switch
    {
        "kyzy" or "qyzy" or "kizi" or "qizi" or "gyzy" or "kyzi" => "ovna",
        "uly" or "uli" or "uulu" or "ugli" or "ogly" or "oglu" or "ogli" or "ulu" => "ovich",
        _ => null,
    };

    /// <summary>Returns the Russian form of a father's name with a Kazakh or Kyrgyz marker written onto it (Abishuly: Abishovich), or null.</summary>
    public static string? GluedTurkicPatronymic(string text)
    {
        foreach (var marker in (ReadOnlySpan<string>)["kyzy", "qyzy", "kyzi", "gyzy", "uulu", "uly", "uli"])
        {
            if (text.Length >= marker.Length + 3 && text.EndsWith(marker, StringComparison.Ordinal))
            {
                return text[..^marker.Length] + TurkicPatronymicEnding(marker);
            }
        }

        return null;
    }

    /// <summary>Gets whether a token is a patronymic (Ivanovich, Petrovna) or a Turkic patronymic marker.</summary>
    public static bool IsPatronymic(string text) =>
        text.Length > 6 && (text.EndsWith("ovich", StringComparison.Ordinal) || text.EndsWith("evich", StringComparison.Ordinal)
            || text.EndsWith("ovna", StringComparison.Ordinal) || text.EndsWith("evna", StringComparison.Ordinal)
            || text.EndsWith("ichna", StringComparison.Ordinal) || text.EndsWith("ovic", StringComparison.Ordinal)
            || text.EndsWith("evic", StringComparison.Ordinal) || text.EndsWith("ovitch", StringComparison.Ordinal)
            || text.EndsWith("evitch", StringComparison.Ordinal) || text.EndsWith("owitsch", StringComparison.Ordinal)
            || text.EndsWith("ewitsch", StringComparison.Ordinal) || text.EndsWith("ievich", StringComparison.Ordinal));
}
