using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>What a token contributes to a name.</summary>
internal enum TokenRole : byte
{
    Name,
    Initial,
    Patronymic,
    Weak,
    Legal,
    Particle,
}

/// <summary>One token of a prepared name, with every key the matcher compares.</summary>
/// <remarks>Immutable; computed once per listed name at build time and once per query.</remarks>
internal readonly record struct NameToken(
    string Text,
    string Key,
    string Skeleton,
    string? AltKey,
    string? AltSkeleton,
    TokenRole Role,
    byte LegalClass,
    bool Consonantal,
    float Weight,
    string? Reading = null)
{
    /// <summary>Gets the number shared by listed tokens that are equal apart from their weight, or 0 (query tokens).</summary>
    public int SimilarityId { get; init; }

    /// <summary>Gets whether <see cref="AltKey"/> is a translation (zavod for plant, morskoi for maritime) rather than another spelling.</summary>
    public bool AltIsTranslation { get; init; }

    /// <summary>Gets the key of the token read as a French spelling of an Arabic name (Djamel, Youcef, Cheikh), or null when it has no French letters.</summary>
    public string? FrenchKey { get; init; }

    /// <summary>Gets whether the token belongs to a name romanised the German way, whose s and sch may be voiced (з, ж).</summary>
    public bool German { get; init; }

    /// <summary>Gets whether the token is the pinyin reading of one Han character, which meets only that syllable.</summary>
    public bool Han { get; init; }

    /// <summary>Gets the loose East Slavic consonant skeleton of the key (<see cref="EastSlavicVariants"/>), made once per token.</summary>
    public string SlavicSkeleton { get; init; } = EastSlavicVariants.SkeletonOf(Key);
}

/// <summary>Document frequencies of token keys, for rarity weights.</summary>
internal interface ITokenRarity
{
    /// <summary>Returns the inverse document frequency weight of a key (or a skeleton when the token is consonantal).</summary>
    float Weight(in NameToken token);
}

/// <summary>Weights every token the same way when no corpus is at hand (pairwise comparison).</summary>
internal sealed class UniformRarity : ITokenRarity
{
    public static readonly UniformRarity Instance = new();

    // Longer tokens are rarer; a neutral weight keeps pairs comparable without a corpus.
    public float Weight(in NameToken token) => token.Text.Length >= 4 ? 6f : 4f;
}

/// <summary>A name prepared for matching: its tokens with keys, roles and weights.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class NameForm
{
    /// <summary>The most tokens of one name that take part in matching.</summary>
    public const int MaxTokens = 16;

    private NameForm(string original, NameToken[] tokens, EntitySchema schema)
    {
        Original = original;
        Tokens = tokens;
        Schema = schema;
        foreach (var t in tokens)
        {
            HasConsonantal |= t.Consonantal;
            // Two-letter forms are also name words (Ag, Sa, Co).
            IsOrganization |= t.Role == TokenRole.Legal && t.Text.Length >= 3;
        }

        // The lengths two neighbouring words make when joined, by key and by alternative key: a word whose length is
        // more than a letter off every one of them cannot be their compound, so the scorer skips it unchecked.
        JoinedMin = int.MaxValue / 2;
        JoinedMax = int.MinValue / 2;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var keys = tokens[i].Key.Length + tokens[i + 1].Key.Length;
            var alts = (tokens[i].AltKey ?? tokens[i].Key).Length + (tokens[i + 1].AltKey ?? tokens[i + 1].Key).Length;
            JoinedMin = Math.Min(JoinedMin, Math.Min(keys, alts));
            JoinedMax = Math.Max(JoinedMax, Math.Max(keys, alts));
        }

        // A list or a customer that does not say what a party is still names a company by its legal form (… LLC, OOO …).
        IsOrganization = schema == EntitySchema.Organization || (schema == EntitySchema.Unknown && IsOrganization);
        ImpliedSchema = schema == EntitySchema.Unknown && IsOrganization ? EntitySchema.Organization : schema;
        IsPerson = ReadsAsPerson(tokens, schema);
    }

    public string Original { get; }

    public NameToken[] Tokens { get; }

    /// <summary>Gets the kind of party the name was read as.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets whether the name is an organisation's: so stated, or unstated and carrying a legal form.</summary>
    public bool IsOrganization { get; }

    /// <summary>Gets the stated kind, or <see cref="EntitySchema.Organization"/> when unstated and the name has a legal form.</summary>
    public EntitySchema ImpliedSchema { get; }

    /// <summary>Gets whether the name is a person's: so stated, or unstated with a patronymic or ibn/bin and no legal form.</summary>
    public bool IsPerson { get; }

    /// <summary>Gets whether a token is written in a script without vowels (Arabic, Persian, Hebrew).</summary>
    public bool HasConsonantal { get; }

    /// <summary>Gets the shortest length two neighbouring tokens' keys (or alternative keys) make joined.</summary>
    public int JoinedMin { get; }

    /// <summary>Gets the longest length two neighbouring tokens' keys (or alternative keys) make joined.</summary>
    public int JoinedMax { get; }

    public static NameForm Create(string name, EntitySchema schema, ITokenRarity rarity)
    {
        var raw = new List<ScriptToken>();
        NameNormalizer.Tokenize(name, raw);
        var tokens = new List<NameToken>(raw.Count + 2);
        var syllables = IsSyllabic(raw);
        var german = !syllables && GermanRomanization.IsGermanStyle(raw);
        var gost = !syllables && !german && GostRomanization.IsGostStyle(raw);
        var polish = !syllables && !german && !gost && PolishRomanization.IsPolishStyle(raw);
        var french = !syllables && !german && !gost && !polish && Romanization.IsFrenchStyle(raw);
        foreach (var t in raw)
        {
            if (french && !t.Consonantal && !t.Han)
            {
                // The name's style holds for every word: Jidko beside Valerievitch is Zhidko.
                var first = tokens.Count;
                AddExpanded(t, tokens, syllables);
                for (var k = first; k < tokens.Count; k++)
                {
                    // The French reading replaces the English j (dzh) of the word alone.
                    if (tokens[k] is { Role: TokenRole.Name } plain && (plain.AltKey is null || plain.Text[0] == 'j')
                        && Romanization.AlternativeKey(plain.Text, syllables: false, frenchName: true) is { } alt
                        && !string.Equals(alt, plain.Key, StringComparison.Ordinal))
                    {
                        tokens[k] = plain with { AltKey = alt, AltSkeleton = Romanization.Skeleton(alt) };
                    }
                }

                continue;
            }

            if (!(german || polish || gost) || t.Consonantal || t.Han)
            {
                AddExpanded(t, tokens, syllables);
                continue;
            }

            // A German, Polish or GOST spelling is read as its English transcription; explanations still show the word as written.
            var from = tokens.Count;
            var reading = german ? GermanRomanization.Reading(t.Text) : gost ? GostRomanization.Reading(t.Text) : PolishRomanization.Reading(t.Text);
            AddExpanded(reading is null ? t : t with { Text = reading }, tokens, syllables);
            for (var k = from; k < tokens.Count; k++)
            {
                tokens[k] = tokens[k] with { German = german, Text = reading is not null && tokens.Count == from + 1 ? t.Text : tokens[k].Text };
            }
        }

        if (schema is EntitySchema.Person or EntitySchema.Unknown)
        {
            JoinTurkicPatronymics(tokens);
        }

        if (schema != EntitySchema.Person && tokens.Count >= 2)
        {
            FoldLegalForms(tokens, schema, SurnameFirst(name));

            // Russian and Ukrainian и/і between two words is "and", not an initial (Radiatsionnoy I Khimicheskoy).
            for (var i = 1; i + 1 < tokens.Count; i++)
            {
                if (tokens[i].Text == "i" && tokens[i - 1].Text.Length > 1 && tokens[i + 1].Text.Length > 1)
                {
                    tokens[i] = tokens[i] with { Role = TokenRole.Particle };
                }
            }
        }

        // Titles go from a person's name when something else is left; in an organisation's name they are words
        // (General Petroleum), and when the kind is not known they stay as particles that weigh almost nothing.
        var keepsTitles = schema != EntitySchema.Person;
        var hasOther = false;
        foreach (var t in tokens)
        {
            hasOther |= !IsTitle(t) && t.Role != TokenRole.Particle;
        }

        // A person's words are not stemmed as organisation words (Xmarin is a surname, not marine).
        var stems = !ReadsAsPerson(tokens, schema);

        var result = new List<NameToken>(tokens.Count);
        foreach (var t in tokens)
        {
            if (hasOther && !keepsTitles && t.Role != TokenRole.Legal && IsTitle(t))
            {
                continue;
            }

            if (result.Count == MaxTokens)
            {
                break;
            }

            // Words of organisation names meet their translations and cognates (OrganizationWords).
            var kept = schema == EntitySchema.Unknown && hasOther && t.Role != TokenRole.Legal && IsTitle(t) ? t with { Role = TokenRole.Particle } : t;
            result.Add(stems ? OrganizationWords.WithStem(kept) : kept);
        }

        return new NameForm(name, [.. result], schema).WithWeights(rarity);
    }

    /// <summary>Returns the same name with token weights from the given rarity table.</summary>
    public NameForm WithWeights(ITokenRarity rarity)
    {
        var tokens = new NameToken[Tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = Tokens[i];
            var weight = rarity.Weight(t) * RoleFactor(t.Role);
            if (t.Role == TokenRole.Name && t.Text.Length <= 2)
            {
                weight *= 0.5f;
            }

            tokens[i] = t with { Weight = weight };
        }

        return new NameForm(Original, tokens, Schema);
    }

    /// <summary>Returns the same name with its strings replaced by shared instances from the pool.</summary>
    public NameForm Interned(Dictionary<string, string> pool)
    {
        var tokens = new NameToken[Tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = Tokens[i];
            tokens[i] = t with
            {
                Text = Intern(pool, t.Text)!,
                Key = Intern(pool, t.Key)!,
                Skeleton = Intern(pool, t.Skeleton)!,
                AltKey = Intern(pool, t.AltKey),
                AltSkeleton = Intern(pool, t.AltSkeleton),
                Reading = Intern(pool, t.Reading),
                SlavicSkeleton = Intern(pool, t.SlavicSkeleton)!,
                FrenchKey = Intern(pool, t.FrenchKey),
            };
        }

        return new NameForm(Original, tokens, Schema);
    }

    /// <summary>Returns the same name with each token numbered by its content (weight aside) in <paramref name="ids"/>.</summary>
    public NameForm WithSimilarityIds(Dictionary<NameToken, int> ids)
    {
        var tokens = new NameToken[Tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = Tokens[i];
            var content = t with { Weight = 0f, SimilarityId = 0 };
            if (!ids.TryGetValue(content, out var id))
            {
                id = ids.Count + 1;
                ids[content] = id;
            }

            tokens[i] = t with { SimilarityId = id };
        }

        return new NameForm(Original, tokens, Schema);
    }

    private static string? Intern(Dictionary<string, string> pool, string? s)
    {
        if (s is null)
        {
            return null;
        }

        if (pool.TryGetValue(s, out var shared))
        {
            return shared;
        }

        pool[s] = s;
        return s;
    }

    // A consonantal key is no Latin word (عمر reads mr, not Mr); Arabic-script titles arrive translated.
    private static bool IsTitle(in NameToken t) => !t.Consonantal && NameVocabulary.IsTitle(t.Key);

    private static float RoleFactor(TokenRole role) => role switch
    {
        TokenRole.Name => 1f,
        TokenRole.Initial => 0.5f,
        TokenRole.Patronymic => 0.45f,
        TokenRole.Weak => 0.35f,
        TokenRole.Legal => 0.15f,
        _ => 0.05f,
    };

    // Chinese and Korean syllable keys merge b/p, d/t and g/k (romanisations that lost their apostrophes); that is
    // right only for a name read wholly as such syllables (Kim Chong-un, Hsi Chin-p'ing), not for Tina/Dina Petrova.
    private static bool IsSyllabic(List<ScriptToken> raw)
    {
        var any = false;
        foreach (var t in raw)
        {
            if (t.Consonantal || t.Text.Length < 2)
            {
                continue;
            }

            var key = Romanization.Key(t.Text);
            if (NameVocabulary.IsParticle(key) || NameVocabulary.IsWeak(key) || NameVocabulary.LegalFormClass(key) != 0)
            {
                continue;
            }

            if (EastAsianRomanization.Key(t.Text) is null)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static void AddExpanded(ScriptToken t, List<NameToken> tokens, bool syllables)
    {
        var text = t.Text;
        if (t.Consonantal)
        {
            // و (and) written onto a word with its article (والجهاد, والشام) is a word of its own: "and the ...".
            if (t.Reading is { } joined && joined.StartsWith("W1l", StringComparison.Ordinal) && ArabicReading.Sketch(joined[3..]).Length >= 2)
            {
                var rest = string.Concat("^0", joined.AsSpan(2));
                tokens.Add(Make("w", true));
                AddExpanded(new ScriptToken(ArabicReading.Sketch(rest), true, rest), tokens, syllables);
                return;
            }

            if (ArabicReading.Translate(t.Reading) is { } english)
            {
                tokens.Add(Make(english, false));
                return;
            }

            if (ArabicReading.TranslateAlongside(t.Reading) is { } meaning)
            {
                // Lists write these words translated or transliterated (هوایی Aviation, بنیاد Bonyad or Foundation): the
                // token keeps its reading and carries the English word's cross-language key as a translation.
                var word = OrganizationWords.WithStem(Make(meaning, false));
                var own = Make(text, true, t.Reading);
                tokens.Add(own with { AltKey = word.AltKey ?? word.Key, AltSkeleton = own.Skeleton, AltIsTranslation = true });
                return;
            }

            // X الله (Saifullah, Najibullah) is one name, mostly written as one word in Latin.
            if (t.Reading == ArabicReading.Allah && tokens.Count > 0 && tokens[^1] is { Consonantal: true, Reading: { } before, Role: TokenRole.Name } prev)
            {
                tokens[^1] = Make(prev.Text + text, true, before + t.Reading);
                return;
            }

            // Arabic script: عبد الله is bd + llh; ال is written onto the word as a leading l.
            var isAbd = t.Reading is null ? text.StartsWith("bd", StringComparison.Ordinal) : t.Reading.StartsWith("4bd", StringComparison.Ordinal);
            if (isAbd && text.Length > 2)
            {
                tokens.Add(Make("abd", false));
                var rest = text[2..];
                if (rest.Length >= 3 && rest[0] == 'l')
                {
                    rest = rest[1..];
                }

                tokens.Add(Make(rest, true, ArabicReading.AfterAbd(t.Reading)));
                return;
            }

            if (!isAbd && ArabicReading.SplitInnerArticle(t.Reading, out var first, out var second))
            {
                tokens.Add(first == ArabicReading.Abu ? Make("abu", false) : Make(ArabicReading.Sketch(first), true, first));
                tokens.Add(second == ArabicReading.AlDin ? Din() : Make(ArabicReading.Sketch(second), true, second));
                return;
            }

            tokens.Add(isAbd ? Make("abd", false) : t.Reading == ArabicReading.AlDin ? Din() : Make(text, true, t.Reading));
            return;
        }

        // X al-Din glued (Nureddin) meets X al-Din written apart (Nur al-Din) as two words.
        if (NameVocabulary.SplitDin(text) is { } beforeDin)
        {
            if (beforeDin.Length > 0)
            {
                tokens.Add(Make(beforeDin, false, syllables: syllables));
            }

            tokens.Add(Din());
            return;
        }

        var abd = NameVocabulary.SplitAbd(text);
        if (abd is { } split)
        {
            tokens.Add(Make(split.Head, false, syllables: syllables));
            if (split.Tail is { } r)
            {
                tokens.Add(Make(r, false, syllables: syllables));
            }

            return;
        }

        tokens.Add(t.Han ? Make(text, false, syllables: syllables) with { Han = true } : Make(text, false, syllables: syllables));
    }

    // Din is the shared half of many names (Nur al-Din, Salah al-Din, نور الدين): it counts as little as the article,
    // in every script alike.
    private static NameToken Din() => Make("din", false) with { Role = TokenRole.Particle };

    // An untyped name with a patronymic (Nikolaevich) or a filiation particle (ibn, bin, bint) and no legal form.
    private static bool ReadsAsPerson(IReadOnlyList<NameToken> tokens, EntitySchema schema)
    {
        if (schema != EntitySchema.Unknown)
        {
            return schema == EntitySchema.Person;
        }

        var marked = false;
        foreach (var t in tokens)
        {
            if (t.Role == TokenRole.Legal)
            {
                return false;
            }

            marked |= t.Role == TokenRole.Patronymic
                || (t.Role == TokenRole.Particle && t.Text is "bin" or "ibn" or "bint" or "bn" or "bnt" or "binti");
        }

        return marked;
    }

    private static NameToken Make(string text, bool consonantal, string? reading = null, bool syllables = false)
    {
        var key = Romanization.Key(text, consonantal);
        string? alt = null;
        if (consonantal)
        {
            if (text.Length >= 4 && text[0] == 'l')
            {
                alt = Romanization.Key(text[1..], true);
            }
        }
        else if (NameVocabulary.NumberReading(text) is { } number)
        {
            // Number words meet digits, and no/nr meet number (NO. 2 / Number Two).
            alt = number;
        }
        else if (EastSlavicVariants.RussianGivenName(key) is { } russian)
        {
            alt = Romanization.Key(russian);
        }
        else if (Romanization.AlternativeKey(text, syllables) is { } other)
        {
            // Another system's reading: Wade-Giles, McCune-Reischauer, French or German spellings (Romanization).
            alt = other;
        }
        else if (text.Contains('x', StringComparison.Ordinal))
        {
            // Scholarly and ISO 9 romanisation write х as x (Xaritonov, Mixajlovich, Alexin); English reads x as ks
            // (Alexander). Romanised Arabic does not write x, so this reading goes before the glued al- below.
            alt = Romanization.Key(text.Replace("x", "kh", StringComparison.Ordinal));
        }
        else if (text.Length >= 6 && (text.StartsWith("al", StringComparison.Ordinal) || text.StartsWith("el", StringComparison.Ordinal)))
        {
            alt = Romanization.Key(text[2..]);
        }

        var role = consonantal
            ? (text is "l" or "bn" or "bnt" or "w" or "vn" or "fy" ? TokenRole.Particle : TokenRole.Name)
            : text.Length == 1 && !char.IsAsciiDigit(text[0]) && text != "e" ? TokenRole.Initial
            : NameVocabulary.IsParticle(key) ? TokenRole.Particle
            : NameVocabulary.IsPatronymic(text) ? TokenRole.Patronymic
            : NameVocabulary.IsWeak(key) ? TokenRole.Weak
            : TokenRole.Name;
        reading = consonantal ? reading : ArabicReading.FromLatin(text);
        return new NameToken(text, key, Romanization.Skeleton(key), alt, alt is null ? null : Romanization.Skeleton(alt), role, 0, consonantal, 1f, reading)
        {
            // A name read as Chinese or Korean syllables has no French reading (Chang is not shang: Sheng).
            FrenchKey = consonantal || syllables || role != TokenRole.Name ? null : Romanization.FrenchArabicKey(text),
        };
    }

    // Kazakh, Kyrgyz, Uzbek and Azerbaijani patronymics are the father's name and a word for daughter or son
    // (Marat kyzy, Ali ogly); they meet the Russian form (Maratovna, Alievich) as one patronymic token.
    private static void JoinTurkicPatronymics(List<NameToken> tokens)
    {
        // Kazakh and Kyrgyz write the marker onto the father's name (Abishuly, Abishuli, Nurlankyzy); between the
        // given name and the surname that is the patronymic.
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Role == TokenRole.Name && !tokens[i].Consonantal && NameVocabulary.GluedTurkicPatronymic(tokens[i].Text) is { } russian)
            {
                tokens[i] = Make(russian, false);
            }
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            var ending = NameVocabulary.TurkicPatronymicEnding(tokens[i].Text);
            var father = tokens[i - 1];
            if (ending is null || father.Role != TokenRole.Name || father.Consonantal)
            {
                continue;
            }

            tokens[i - 1] = Make(father.Text + ending, false);
            tokens.RemoveAt(i);
        }
    }

    // One word and a comma before the rest ("PAO, Yu Hsiang"): the order of a person's name, surname first.
    private static bool SurnameFirst(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            return false;
        }

        var head = name.AsSpan(0, comma).Trim();
        return head.Length > 0 && !head.ContainsAny(' ', '.', '\t') && !name.AsSpan(comma + 1).Trim().IsEmpty;
    }

    private static void FoldLegalForms(List<NameToken> tokens, EntitySchema schema, bool surnameFirst)
    {
        // A misspelt word of a legal form (JOINT SROCK COMPANY, COLSED) still folds when the corrected phrase is one.
        var corrected = new List<string>(tokens.Count);
        var anyCorrected = false;
        foreach (var t in tokens)
        {
            var fix = t.Consonantal ? null : NameVocabulary.CorrectLegalWord(t.Key);
            anyCorrected |= fix is not null;
            corrected.Add(fix ?? t.Key);
        }

        // Phrases are joined in a buffer and looked up as spans: a name tries up to six phrases at each word.
        Span<char> buffer = stackalloc char[NameVocabulary.LongestLegalForm];
        for (var i = 0; i < tokens.Count; i++)
        {
            // A Han syllable is a name's sound, not a legal form (欧 is ou, not the Estonian OÜ).
            if (tokens[i].Consonantal || tokens[i].Han)
            {
                continue;
            }

            var max = Math.Min(NameVocabulary.MaxPhrase, tokens.Count - i);
            for (var len = max; len >= 1; len--)
            {
                // Two single letters (S.A.) are a legal form only in a name said to be an organisation's; in an untyped
                // name they are a person's initials (S. A. Pushkin, PUSHKIN, A. S.).
                if (len == 2 && schema != EntitySchema.Organization && tokens[i].Text.Length == 1 && tokens[i + 1].Text.Length == 1)
                {
                    continue;
                }

                // A legal form is written after a name (RUSGIDRO, PAO), not as its surname: untyped "PAO, Yu Hsiang" is a
                // person (Pao and Ao are Chinese surnames).
                if (i == 0 && len == 1 && surnameFirst && schema != EntitySchema.Organization)
                {
                    continue;
                }

                var c = len == 1 ? NameVocabulary.LegalFormClass(tokens[i].Key) : LegalFormClassOfPhrase(tokens, i, len, buffer);
                // A four-letter word alone is too near other words (film/firm) to be corrected into a legal form.
                if (c == 0 && anyCorrected && (len > 1 || tokens[i].Key.Length >= 5))
                {
                    c = NameVocabulary.LegalFormClass(string.Join(' ', corrected.GetRange(i, len)));
                }

                if (c == 0)
                {
                    continue;
                }

                var text = len == 1 ? tokens[i].Text : JoinTexts(tokens, i, len);
                var key = "#" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                tokens.RemoveRange(i, len);
                tokens.Insert(i, new NameToken(text, key, key, null, null, TokenRole.Legal, (byte)c, false, 1f));
                corrected.RemoveRange(i, len);
                corrected.Insert(i, key);
                break;
            }
        }
    }

    // The class of the keys of tokens start..start+len joined by spaces; a phrase longer than the buffer is no legal form.
    private static int LegalFormClassOfPhrase(List<NameToken> tokens, int start, int len, Span<char> buffer)
    {
        var n = 0;
        for (var k = 0; k < len; k++)
        {
            var key = tokens[start + k].Key;
            if (n + (k > 0 ? 1 : 0) + key.Length > buffer.Length)
            {
                return 0;
            }

            if (k > 0)
            {
                buffer[n++] = ' ';
            }

            key.CopyTo(buffer[n..]);
            n += key.Length;
        }

        return NameVocabulary.LegalFormClass(buffer[..n]);
    }

    private static string JoinTexts(List<NameToken> tokens, int start, int len)
    {
        var parts = new string[len];
        for (var k = 0; k < len; k++)
        {
            parts[k] = tokens[start + k].Text;
        }

        return string.Join(' ', parts);
    }
}
