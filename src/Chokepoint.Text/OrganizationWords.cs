using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>
/// Makes the common words of organisation names meet across languages: a Russian, Ukrainian or Belarusian word in
/// any romanisation, its English cognate and its English translation share one stem.
/// </summary>
/// <remarks>
/// Lists carry many organisations under an English translation of their name (<c>CHELYABINSK METALLURGICAL PLANT</c>)
/// while customers write the romanised original (<c>Chelyabinsky metallurgichesky kombinat</c>). Two rules bridge
/// them. Cognates converge by morphology: Slavic inflections are stripped and shared suffixes are folded
/// (<c>-icheskiy</c> and <c>-ical</c> give <c>-ik</c>, <c>-tsiya</c> and <c>-tion</c> give <c>T</c>, the place
/// adjective <c>-skiy</c> is its place). Words that are not cognates (zavod, kombinat, plant, factory) converge through
/// a small table of generic words; it holds no names of parties. Runs once per listed name and once per query.
/// Stateless and thread-safe.
/// </remarks>
internal static class OrganizationWords
{
    private const int MaxStem = 64;

    // Each line is one meaning: generic words of organisation names in Russian, Ukrainian and Belarusian (as
    // romanised) and English. Stemmed at start-up, so every romanisation and inflection of a listed word meets.
    private static readonly string[][] Translations =
    [
        ["plant", "zavod", "zavodu", "kombinat", "factory", "fabrika", "works", "combine"],
        ["society", "obshchestvo", "obshchestva"],
        ["fund", "fond", "foundation", "fondu"],
        ["state", "gosudarstvennyi", "derzhavnyi", "dziarzhaunyi", "gosudarstvo"],
        ["russian", "rossiiskii", "russkii", "rossii", "rosiiskyi"],
        ["research", "issledovatelskii", "doslidnyi", "doslidnytskyi", "issledovanii"],
        ["scientific", "nauchnyi", "naukovyi", "science", "nauka", "nauk"],
        ["military", "voennyi", "voenno", "viiskovyi", "vaiskovy"],
        ["private", "chastnyi", "pryvatnyi", "pryvatne"],
        ["movement", "dvizhenie", "rukh"],
        ["main", "glavnyi", "golovnyi", "chief"],
        ["communication", "communications", "sviaz", "sviazi", "zviazok", "telecommunication", "telecommunications", "telecom"],
        ["powder", "gunpowder", "porokhovoi"],
        ["copper", "mednyi", "med"],
        ["leasing", "lizing", "lizingovyi"],
        ["financial", "finansovyi", "finance", "finansy", "finansovoi"],
        ["investment", "investments", "investitsii", "investitsionnyi", "invest", "investytsiinyi"],
        ["direct", "priamoi", "priamykh", "priamyi"],
        ["glass", "steklo", "stekolnyi", "stekla"],
        ["defence", "defense", "zashchita", "zashchity", "oborona", "oborony", "oboronnyi", "oborony"],
        ["ministry", "ministerstvo", "ministerstva", "ministerstvom"],
        ["troops", "voiska", "forces", "viiska", "force"],
        ["chemical", "khimicheskii", "khimiia", "chemistry", "khimii"],
        ["security", "bezopasnost", "bezopasnosti", "bezpeka", "bezpeky"],
        ["trade", "trading", "torgovyi", "torgovlia", "torgovli", "torgovyi", "torhovyi", "treiding", "treid"],
        ["house", "dom", "budynok"],
        ["oil", "petroleum", "neft", "neftianoi", "naftovyi", "nafta", "nefti"],
        ["gas", "gaz", "gazovyi", "gazu"],
        ["energy", "energiia", "energetika", "energeticheskii", "power", "energii"],
        ["airlines", "aviakompaniia", "avialinii", "airline", "aircompany", "air"],
        ["shipping", "sudokhodnyi", "sudokhodstvo", "sudokhodnaia"],
        ["fleet", "flot", "flota"],
        ["shipbuilding", "sudostroitelnyi", "sudostroenie", "sudnobudivnyi"],
        ["shipyard", "verf", "shipyards"],
        ["engineering", "inzhiniring", "inzhenernyi", "engg"],
        ["design", "konstruktorskii", "proektnyi", "proektno"],
        ["experimental", "opytnyi", "opytno", "eksperimentalnyi"],
        ["river", "rechnoi", "richkovyi"],
        ["sea", "morskoi", "morskyi", "marine", "maritime"],
        ["rocket", "raketnyi", "raketno", "missile", "raketa"],
        ["space", "kosmicheskii", "kosmos", "aerospace"],
        ["nuclear", "iadernyi", "iadernoi"],
        ["atomic", "atomnyi", "atom"],
        ["industrial", "promyshlennyi", "promyshlennost", "industry", "industries", "promyslovyi", "promyshlennaia", "sanat", "sanaye", "sanayi", "sanaat"],
        ["metal", "metallic", "metals", "metallicheskii", "metall"],
        ["foreign", "external", "vneshnii", "inostrannyi", "zovnishnii"],
        ["construction", "stroitelnyi", "stroitelstvo", "budivelnyi", "building"],
        ["railway", "railways", "zheleznodorozhnyi", "railroad"],
        ["steel", "stal", "stalnoi", "stali"],
        ["coal", "ugol", "ugolnyi", "vugillia"],
        ["gold", "zoloto", "zolotoi"],
        ["diamond", "diamonds", "almaz", "almazy"],
        ["north", "northern", "severnyi", "sever", "pivnichnyi"],
        ["south", "southern", "iuzhnyi", "iug", "pivdennyi"],
        ["east", "eastern", "vostochnyi", "vostok", "skhidnyi"],
        ["west", "western", "zapadnyi", "zapad", "zakhidnyi"],
        ["new", "novyi", "novaia", "novoe"],
        ["international", "mezhdunarodnyi", "mizhnarodnyi", "intl", "internat"],
        ["united", "obedinennyi", "obiednanyi", "obedinennaia"],
        ["republic", "respublika", "respublikanskii", "republican", "respubliki"],
        ["agency", "agentstvo", "ahentstvo", "agentstva"],
        ["committee", "komitet", "komiteta"],
        ["service", "sluzhba", "sluzhby", "services", "serv", "svcs", "svc"],
        ["management", "upravlenie", "upravliaiushchaia", "menedzhment", "upravliaiushchii", "managing", "mgmt"],
        ["union", "soiuz", "soiuza"],
        ["bureau", "biuro"],
        ["import", "imports", "ithalat", "importer"],
        ["export", "exports", "ihracat", "eksport", "exporter"],
        ["news", "novosti", "novyny", "navin"],
        ["exchange", "exchanger", "exchangers", "changer", "changers", "obmen", "obmennyi"],
        ["public", "obshchestvennyi", "gromadskyi", "hromadska", "social", "sotsialnyi"],
        ["youth", "molodezhnyi", "molodezh"],
        ["all", "vse"],
        ["machine", "mashino", "machinery", "mashinostroitelnyi", "mashinostroenie"],
        ["instrument", "pribor", "priborostroenie", "priborostroitelnyi", "instruments"],
        ["aviation", "aviatsionnyi", "aircraft", "aviatsiia"],
        ["electronic", "electronics", "elektronika", "elektronnyi"],
        ["automobile", "automotive", "avtomobilnyi", "avtomobil", "avtomobili"],
        ["technology", "technologies", "tekhnologiia", "tekhnologii", "tekhnologicheskii", "technological", "tech"],
        ["special", "spetsialnyi", "spetsialnoi"],
        ["center", "tsentr", "centre", "tsentra"],
        ["bank", "bank", "banka"],
        ["commercial", "kommercheskii", "komertsiinyi"],
        ["settlement", "raschetnyi", "rozrakhunkovyi"],
        ["depository", "depozitarii", "depozitarnyi"],
        ["production", "proizvodstvennyi", "proizvodstvo", "vyrobnychyi", "products", "produktsiia", "manufacturing", "mfg",
         "manufacturer", "manufacturers", "manufacture", "vyrobnytstvo"],
        ["promotion", "sodeistvie", "sodeistviia", "spryiannia"],
        ["development", "razvitie", "razrabotka", "rozvytok", "rozrobka", "developments"],
        ["heavy", "tiazhelyi", "vazhkyi"],
        ["precision", "tochnyi", "tochnogo"],
        ["metallurgical", "metallurgicheskii", "metallurgy", "metallurgiia", "metalurgiinyi"],
        ["forge", "kuznechnyi", "kuznechno", "forging"],
        ["press", "pressovyi"],
        ["gas", "gazovyi"],

        // Abbreviations that trade documents use for the words above and others.
        ["brothers", "bros", "brother"],
        ["association", "assn", "assoc"],
        ["department", "dept", "directorate", "departement"],
        ["national", "natl", "natsionalnyi"],
        ["government", "govt"],
        ["group", "grp", "gruppa"],
        ["holding", "holdings", "hldgs", "kholding"],
        ["equipment", "equip", "eqpt", "oborudovanie"],
        ["logistics", "logistic", "logistika"],
    ];

    private static readonly FrozenDictionary<string, string> Concepts = BuildConcepts();

    private static FrozenDictionary<string, string> BuildConcepts()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Translations)
        {
            var concept = Stem(Romanization.Key(line[0]));
            foreach (var word in line)
            {
                d.TryAdd(Stem(Romanization.Key(word)), concept);
            }
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Returns the token with its cross-language stem as the alternative key, when it has one to give.</summary>
    /// <remarks>A token that already has an alternative reading (al- glued on) keeps it; x is read as kh first.</remarks>
    public static NameToken WithStem(in NameToken token)
    {
        if (token.Role is TokenRole.Legal or TokenRole.Particle or TokenRole.Initial || token.Consonantal || token.Key.Length < 3)
        {
            return token;
        }

        var source = token.Key;
        if (token.AltKey is not null)
        {
            // Only the scholarly x = kh and c = ts readings yield to the stem (texnologicheskij, mechanical are words).
            if (token.Text.Contains('x', StringComparison.Ordinal))
            {
                // An English word keeps its x (external, export); a romanised one reads it as kh.
                source = Concepts.ContainsKey(Stem(token.Key)) ? token.Key : token.AltKey;
            }
            else if (!Romanization.HasHardC(token.Text))
            {
                return token;
            }
        }

        var stem = Stem(source);
        var translated = false;
        if (Concepts.TryGetValue(stem, out var concept))
        {
            translated = !string.Equals(stem, concept, StringComparison.Ordinal);
            stem = concept;
        }
        else if (!ReferenceEquals(source, token.Key) && stem.Length > source.Length - 3)
        {
            // No known word and no word suffix: the x = kh reading of a name (Xalepa, Mixeev) is worth more than
            // its stem; a word's stem (mexanicheskij, mechanical) is worth more than its reading.
            return token;
        }

        if (stem.Length < 3 || string.Equals(stem, token.Key, StringComparison.Ordinal))
        {
            return token;
        }

        return token with { AltKey = stem, AltSkeleton = Romanization.Skeleton(stem), AltIsTranslation = translated };
    }

    /// <summary>Returns the cross-language stem of a romanisation key (see <see cref="Romanization.Key(string)"/>).</summary>
    public static string Stem(string key)
    {
        if (key.Length > MaxStem)
        {
            return key;
        }

        Span<char> b = stackalloc char[key.Length + 2];
        key.AsSpan().CopyTo(b);
        var n = key.Length;
        n = StripEnding(b, n);
        n = FoldSuffix(b, n);

        // Letters that differ between the Slavic and the English spelling of one cognate: tekhnika/technical,
        // avtomatika/automatic (au before t), organizatsiia/organisation.
        // Russian writes a foreign initial h as nothing (istoricheskiy/historical) or as g or kh; the stem drops it.
        var m = 0;
        for (var i = b[0] == 'H' && n >= 5 ? 1 : 0; i < n; i++)
        {
            var c = b[i] switch
            {
                'H' or 'C' => 'k',
                'z' => 's',
                _ => b[i],
            };
            if (c == 'u' && m > 0 && b[m - 1] == 'a' && i + 1 < n && b[i + 1] == 't')
            {
                c = 'v';
            }

            if (m > 0 && b[m - 1] == c)
            {
                continue;
            }

            b[m++] = c;
        }

        return new string(b[..m]);
    }

    // Slavic case and gender endings and the English plural; the stem keeps at least four letters.
    private static int StripEnding(Span<char> b, int n)
    {
        ReadOnlySpan<string> endings =
        [
            "omu", "emu", "ogo", "ego", "aia", "oie", "iH", "oi", "ei", "oe", "ie", "ii", "iu", "ia",
            "a", "i", "e", "o", "u", "s",
        ];
        foreach (var e in endings)
        {
            if (n - e.Length >= 4 && b[..n].EndsWith(e))
            {
                // An English plural s only after a consonant other than s (systems, not gas or press).
                if (e == "s" && (Romanization.IsVowel(b[n - 2]) || b[n - 2] == 's'))
                {
                    continue;
                }

                return n - e.Length;
            }
        }

        return n;
    }

    private static int FoldSuffix(Span<char> b, int n)
    {
        var s = b[..n];

        // -icheskiy (stripped to -iCesk), -ical, -ics: one suffix.
        if (s.EndsWith("iCesk") && n >= 8)
        {
            return Replace(b, n, 5, "ik");
        }

        if (s.EndsWith("ikal") && n >= 7)
        {
            return Replace(b, n, 4, "ik");
        }

        if (s.EndsWith("iks") && n >= 6)
        {
            return n - 1;
        }

        // -tsionalnyi, -tional, -tsiya, -tion (keyed ten, see Romanization): one suffix; -ation after a verb stem goes
        // too (transportation).
        ReadOnlySpan<string> tion = ["Tenal", "tenal", "Tenaln", "Ten", "ten", "Ti", "T"];
        foreach (var t in tion)
        {
            if (s.EndsWith(t) && n - t.Length >= 2)
            {
                n = Replace(b, n, t.Length, "T");
                if (n >= 7 && b[n - 2] == 'a')
                {
                    n -= 2;
                }

                return n;
            }
        }

        // Adjectives in -alnyi and -nyi (federalnyi, transportnyi): the noun.
        if (s.EndsWith("aln") && n >= 6)
        {
            return n - 1;
        }

        if (n >= 6 && b[n - 1] == 'n' && !Romanization.IsVowel(b[n - 2]) && b[n - 2] != 'n')
        {
            return n - 1;
        }

        // Place adjectives: permskiy is Perm, chelyabinskiy is Chelyabinsk; both lose the -sk. Before -sk a place's
        // g is zh (volzhskiy is Volga, rizhskiy is Riga).
        if (s.EndsWith("sk") && n >= 6)
        {
            if (b[n - 3] == 'Z')
            {
                b[n - 3] = 'g';
            }

            return n - 2;
        }

        // English -ing and -ter (centre/center/tsentr).
        if (s.EndsWith("ing") && n >= 7)
        {
            return n - 3;
        }

        if (s.EndsWith("ter") && n >= 5)
        {
            return Replace(b, n, 3, "tr");
        }

        return n;
    }

    private static int Replace(Span<char> b, int n, int length, string with)
    {
        var at = n - length;
        with.AsSpan().CopyTo(b[at..]);
        return at + with.Length;
    }
}
