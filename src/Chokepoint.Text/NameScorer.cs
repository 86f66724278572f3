using System.Runtime.CompilerServices;
using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>Aligns the tokens of a query name with those of a listed name and scores the pair in [0, 1].</summary>
/// <remarks>Allocates nothing unless an explanation is asked for. Stateless and thread-safe.</remarks>
internal static class NameScorer
{
    // Listed tokens the query leaves out (middle names, patronymics) cost less than query tokens the listed name lacks.
    private const float MissingListedFactor = 0.5f;

    // Listed organisation names carry words a customer leaves out (Crimean Republican Enterprise ..., ... Private Joint
    // Stock Company, ... Europe OU); chosen on the dev set, where it adds recall without adding false alerts.
    private const float MissingListedOrganizationFactor = 0.35f;
    private const float ExtraQueryFactor = 1.0f;
    private const float CoveredExtraQueryFactor = 0.5f;
    private const float NamesCoveredExtraQueryFactor = 0.35f;
    private const float SingleFuzzyTokenFactor = 0.85f;
    private const float ConflictingNumberFactor = 0.8f;
    private const float AcronymSimilarity = 0.9f;
    private const float ShortenedSimilarity = 0.8f;
    private const int MaxSyllableTriple = 18;
    private const int Max = NameForm.MaxTokens;

    public static float Score(NameForm query, NameForm listed, List<TokenAlignment>? alignments = null, List<string>? unmatchedQuery = null, List<string>? unmatchedListed = null,
        SimilarityMemo? memo = null)
    {
        var q = query.Tokens;
        var l = listed.Tokens;
        var m = q.Length;
        var n = l.Length;
        if (m == 0 || n == 0)
        {
            return 0f;
        }

        // Rows for the query's tokens only; kinds are read only to explain a match.
        Span<float> sim = stackalloc float[m * Max];
        Span<byte> kinds = alignments is null ? default : stackalloc byte[m * Max];
        for (var j = 0; j < n; j++)
        {
            // A listed token shared by many candidates is compared with the query once (see SimilarityMemo).
            ReadOnlySpan<byte> rowKinds = default;
            var row = memo is null ? default : memo.Row(l[j], out rowKinds);
            for (var i = 0; i < m; i++)
            {
                float s;
                var kind = TokenMatchKind.Exact;
                if (row.Length == m)
                {
                    s = row[i];
                    kind = (TokenMatchKind)rowKinds[i];
                }
                else
                {
                    s = TokenSimilarity.Compare(q[i], l[j], out kind);
                }

                if (!kinds.IsEmpty)
                {
                    kinds[(i * Max) + j] = (byte)kind;
                }

                sim[(i * Max) + j] = s >= TokenSimilarity.Floor ? s : 0f;
            }
        }

        Span<sbyte> qMatch = stackalloc sbyte[Max];
        Span<sbyte> lMatch = stackalloc sbyte[Max];
        qMatch.Fill(-1);
        lMatch.Fill(-1);
        float num = 0f, den = 0f;
        var namesMatched = 0;
        var wordsMatched = 0;
        var lastNameSimilarity = 0f;

        // Greedy best-first assignment: with at most 16 tokens a side it equals the optimal one in practice.
        while (true)
        {
            float best = 0f;
            int bi = -1, bj = -1;
            for (var i = 0; i < m; i++)
            {
                if (qMatch[i] >= 0)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    var s = sim[(i * Max) + j];
                    if (s > best && lMatch[j] < 0)
                    {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            qMatch[bi] = (sbyte)bj;
            lMatch[bj] = (sbyte)bi;
            var w = PairWeight(q[bi], l[bj]);
            num += w * best;
            den += w + InitialShortfall(q[bi], l[bj]);
            if (l[bj].Role != TokenRole.Legal)
            {
                namesMatched++;
                lastNameSimilarity = best;
                wordsMatched += l[bj].Role == TokenRole.Particle ? 0 : 1;
            }
            alignments?.Add(new TokenAlignment(q[bi].Text, l[bj].Text, (TokenMatchKind)kinds[(bi * Max) + bj], Math.Round(best, 3)));
        }

        // Tokens joined on one side and split on the other (Abdul Rahman / Abdulrahman, Guang Zong / Guangzong).
        // Only unmatched tokens can take part: one on the joined side, two on the split side.
        var qFree = m - Matched(qMatch[..m]);
        var lFree = n - Matched(lMatch[..n]);
        if (qFree >= 1 && lFree >= 2)
        {
            MatchCompounds(q, l, listed, qMatch, lMatch, ref num, ref den, alignments, true);
        }

        if (lFree >= 1 && qFree >= 2)
        {
            MatchCompounds(l, q, query, lMatch, qMatch, ref num, ref den, alignments, false);
        }

        // Arabic-script compounds need an Arabic-script token on one side.
        if (query.HasConsonantal || listed.HasConsonantal)
        {
            ArabicReading.MatchCompounds(q, l, qMatch, lMatch, ref num, ref den, alignments, true);
            ArabicReading.MatchCompounds(l, q, lMatch, qMatch, ref num, ref den, alignments, false);
        }

        // A company's word cut short by a field's length or written shortened (ISMAIL BAYALT for ISMAIL BAYALTUN, KUBAN
        // AGRO for KUBAN AGROHOLDING): not in persons' names, where a stem is another name (Karim, Karimov).
        if (listed.IsOrganization && (query.IsOrganization || (query.Schema == EntitySchema.Unknown && !query.IsPerson)))
        {
            MatchShortened(q, l, qMatch, lMatch, ref num, ref den, alignments);
        }

        // An acronym on one side for words spelt out on the other (AFK / Aktsionernaya Finansovaya Korporatsiya): only
        // beside a word that already matched (AFK SISTEMA), since three initials spell some short word of almost any
        // list; and not in persons' names, where three initials are a name (Kim).
        if (wordsMatched >= 1 && m + n >= 4 && listed.Schema != EntitySchema.Person && query.Schema != EntitySchema.Person)
        {
            MatchAcronyms(q, l, qMatch, lMatch, ref num, ref den, alignments, true);
            MatchAcronyms(l, q, lMatch, qMatch, ref num, ref den, alignments, false);
        }

        // A query that holds the whole listed name plus more (an extra given name, a longer company name) is
        // likelier the listed party than one that also leaves listed tokens out (another surname).
        var covered = 0;
        var coveredNames = 0;
        var coveredOwnWords = 0;
        var fullyCovered = true;
        for (var j = 0; j < n; j++)
        {
            if (lMatch[j] >= 0)
            {
                covered += l[j].Role == TokenRole.Legal ? 0 : 1;

                // Names of four letters or more: not Abd or Abu, which head one name with the word after them (Abd
                // al-Karim), nor a Chinese syllable (Tian Yi).
                var name = l[j].Role is not (TokenRole.Legal or TokenRole.Particle) && l[j].Key.Length >= 4;
                coveredNames += name ? 1 : 0;

                // In an organisation's name only its own words count: not generic words (Trading), nor those of the
                // cross-language table (MARITIME, which Sea meets).
                coveredOwnWords += name && l[j].Role == TokenRole.Name && !l[j].AltIsTranslation ? 1 : 0;
            }
            else if (l[j].Role is not (TokenRole.Particle or TokenRole.Legal))
            {
                fullyCovered = false;
            }
        }

        var organization = listed.IsOrganization && !query.IsPerson;
        // A query that holds every word of a listed name, two of them real names, is that name with more said (an extra
        // given name; a company's own name with more words): its extra words cost least. An organisation's generic or
        // translated words (Caspian Maritime) sit inside many longer names of other companies (Caspian Sea Line
        // Shipping Agency), so there two of its own words must be met.
        var extraFactor = !fullyCovered ? ExtraQueryFactor
            : coveredNames >= 2 && (!organization || coveredOwnWords >= 2) ? NamesCoveredExtraQueryFactor
            : covered >= 2 ? CoveredExtraQueryFactor
            : ExtraQueryFactor;
        var queryNumberLeft = false;
        for (var i = 0; i < m; i++)
        {
            // A word said twice (Oil Refining and Distribution of Oil Derivatives; al-Fatih, al-Fatih) is missing once.
            if (qMatch[i] < 0 && !Repeats(q, i))
            {
                den += extraFactor * q[i].Weight;
                queryNumberLeft |= IsNumber(q[i]);
                unmatchedQuery?.Add(q[i].Text);
            }
        }

        var listedNumberLeft = false;
        for (var j = 0; j < n; j++)
        {
            if (lMatch[j] < 0 && !Repeats(l, j))
            {
                den += (organization ? MissingListedOrganizationFactor : MissingListedFactor) * l[j].Weight;
                listedNumberLeft |= IsNumber(l[j]);
                unmatchedListed?.Add(l[j].Text);
            }
        }

        var score = den <= 0f ? 0f : num / den;

        // Two different numbers name two different things (Plant No 9 / Plant No 8, military unit 52688 / 52689).
        if (queryNumberLeft && listedNumberLeft)
        {
            score *= ConflictingNumberFactor;
        }

        // One approximately equal token is weak evidence on its own (Adal LLC / ADEL).
        if (namesMatched == 1 && lastNameSimilarity < 0.95f)
        {
            score *= SingleFuzzyTokenFactor;
        }

        return Math.Clamp(score, 0f, 1f);
    }

    private static bool Repeats(NameToken[] tokens, int i)
    {
        for (var k = 0; k < i; k++)
        {
            // A script without vowels writes other words alike (Hebrew בר and אור are both vr); Arabic keeps a reading.
            if (string.Equals(tokens[k].Text, tokens[i].Text, StringComparison.Ordinal)
                && (!tokens[i].Consonantal || (tokens[i].Reading is { } r && string.Equals(r, tokens[k].Reading, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(in NameToken t) => t.Text.Length > 0 && char.IsAsciiDigit(t.Text[0]) && char.IsAsciiDigit(t.Text[^1]);

    private static int Matched(ReadOnlySpan<sbyte> match)
    {
        var count = 0;
        foreach (var x in match)
        {
            count += x >= 0 ? 1 : 0;
        }

        return count;
    }

    private static float PairWeight(in NameToken q, in NameToken l) =>
        q.Role == TokenRole.Initial ? Math.Min(q.Weight, l.Weight) : l.Weight;

    // An initial stands for a whole name only in part: half of the full token's extra weight stays unexplained.
    private static float InitialShortfall(in NameToken q, in NameToken l) =>
        q.Role == TokenRole.Initial || l.Role == TokenRole.Initial ? 0.5f * Math.Abs(q.Weight - l.Weight) : 0f;

    // One unmatched token on side A against two adjacent unmatched tokens on side B whose keys, joined, equal it.
    private static void MatchCompounds(NameToken[] a, NameToken[] b, NameForm bForm, Span<sbyte> aMatch, Span<sbyte> bMatch, ref float num, ref float den,
        List<TokenAlignment>? alignments, bool aIsQuery)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (aMatch[i] >= 0 || a[i].Consonantal || a[i].Role == TokenRole.Legal)
            {
                continue;
            }

            var whole = a[i].Key.AsSpan();
            var pairsFit = JoinedLengthFits(whole.Length, bForm) || JoinedLengthFits((a[i].AltKey ?? a[i].Key).Length, bForm);
            for (var j = 0; pairsFit && j + 1 < b.Length; j++)
            {
                if (bMatch[j] >= 0 || bMatch[j + 1] >= 0 || b[j].Consonantal || b[j + 1].Consonantal)
                {
                    continue;
                }

                var left = b[j].Key.AsSpan();
                var right = b[j + 1].Key.AsSpan();
                // Syllables of another romanisation meet on their alternative keys (Chin ping / Jinping, Tse tung / Zedong).
                var anyAlt = (a[i].AltKey ?? b[j].AltKey ?? b[j + 1].AltKey) is not null;
                if (left.Length + right.Length < 4 || (!JoinedNear(whole, left, right)
                    && !(anyAlt && JoinedNear(a[i].AltKey ?? whole, b[j].AltKey ?? left, b[j + 1].AltKey ?? right))))
                {
                    continue;
                }

                aMatch[i] = (sbyte)j;
                bMatch[j] = (sbyte)i;
                bMatch[j + 1] = (sbyte)i;
                var w = aIsQuery ? b[j].Weight + b[j + 1].Weight : a[i].Weight;
                num += w * 0.9f;
                den += w;
                alignments?.Add(aIsQuery
                    ? new TokenAlignment(a[i].Text, b[j].Text + " " + b[j + 1].Text, TokenMatchKind.Compound, 0.9)
                    : new TokenAlignment(b[j].Text + " " + b[j + 1].Text, a[i].Text, TokenMatchKind.Compound, 0.9));
                break;
            }

            if (aMatch[i] < 0 && whole.Length >= 8)
            {
                MatchSyllableTriple(a, b, i, aMatch, bMatch, ref num, ref den, alignments, aIsQuery);
            }
        }
    }

    // A free query word of four letters or more that begins a free listed word at least two letters longer.
    private static void MatchShortened(NameToken[] q, NameToken[] l, Span<sbyte> qMatch, Span<sbyte> lMatch, ref float num, ref float den,
        List<TokenAlignment>? alignments)
    {
        for (var i = 0; i < q.Length; i++)
        {
            var stem = q[i].Text;
            if (qMatch[i] >= 0 || q[i].Role != TokenRole.Name || q[i].Consonantal || stem.Length < 4)
            {
                continue;
            }

            for (var j = 0; j < l.Length; j++)
            {
                var word = l[j].Text;
                if (lMatch[j] >= 0 || word.Length < stem.Length + 2 || word[0] != stem[0] || l[j].Role != TokenRole.Name || l[j].Consonantal
                    || !word.StartsWith(stem, StringComparison.Ordinal))
                {
                    continue;
                }

                qMatch[i] = (sbyte)j;
                lMatch[j] = (sbyte)i;
                var w = PairWeight(q[i], l[j]);
                num += w * ShortenedSimilarity;
                den += w;
                alignments?.Add(new TokenAlignment(q[i].Text, l[j].Text, TokenMatchKind.EditDistance, Math.Round(ShortenedSimilarity, 3)));
                break;
            }
        }
    }

    private static bool JoinedLengthFits(int length, NameForm form) => length >= form.JoinedMin - 1 && length <= form.JoinedMax + 1;

    // Chinese company names join a brand of three syllables into one word (Jinmingsheng, Hengbangwei) that the other
    // side writes apart (Jin Ming Sheng, or 金明盛 read syllable by syllable): three short free tokens, joined.
    private static void MatchSyllableTriple(NameToken[] a, NameToken[] b, int i, Span<sbyte> aMatch, Span<sbyte> bMatch, ref float num, ref float den,
        List<TokenAlignment>? alignments, bool aIsQuery)
    {
        var whole = a[i].Key.AsSpan();
        Span<char> joined = stackalloc char[MaxSyllableTriple + 1];
        for (var j = 0; j + 2 < b.Length; j++)
        {
            if (bMatch[j] >= 0 || bMatch[j + 1] >= 0 || bMatch[j + 2] >= 0)
            {
                continue;
            }

            var k0 = b[j].Key;
            var k1 = b[j + 1].Key;
            var k2 = b[j + 2].Key;
            var total = k0.Length + k1.Length + k2.Length;
            if (Math.Abs(total - whole.Length) > 1 || total > MaxSyllableTriple || !IsSyllable(b[j]) || !IsSyllable(b[j + 1]) || !IsSyllable(b[j + 2]))
            {
                continue;
            }

            k0.CopyTo(joined);
            k1.CopyTo(joined[k0.Length..]);
            k2.CopyTo(joined[(k0.Length + k1.Length)..]);
            if (EditDistance.Bounded(whole, joined[..total], 1) > 1)
            {
                continue;
            }

            aMatch[i] = (sbyte)j;
            bMatch[j] = bMatch[j + 1] = bMatch[j + 2] = (sbyte)i;
            var w = aIsQuery ? b[j].Weight + b[j + 1].Weight + b[j + 2].Weight : a[i].Weight;
            num += w * 0.9f;
            den += w;
            if (alignments is not null)
            {
                var split = b[j].Text + " " + b[j + 1].Text + " " + b[j + 2].Text;
                alignments.Add(aIsQuery
                    ? new TokenAlignment(a[i].Text, split, TokenMatchKind.Compound, 0.9)
                    : new TokenAlignment(split, a[i].Text, TokenMatchKind.Compound, 0.9));
            }

            return;
        }
    }

    // A Chinese syllable as a word of its own (a Han character's reading, or a short Latin word).
    private static bool IsSyllable(in NameToken t) => !t.Consonantal && t.Role is TokenRole.Name && t.Key.Length is >= 2 and <= 6;

    // An unmatched token of three to six letters on side A whose letters are the initials of consecutive words on side B,
    // particles included or left out (MODAFL: Ministry Of Defence And Armed Forces Logistics). Words of B already
    // matched elsewhere may take part (NITI beside the spelt-out words that met Scientific Research Institute); the
    // acronym then only stops counting as missing.
    private static void MatchAcronyms(NameToken[] a, NameToken[] b, Span<sbyte> aMatch, Span<sbyte> bMatch, ref float num, ref float den, List<TokenAlignment>? alignments, bool aIsQuery)
    {
        for (var i = 0; i < a.Length; i++)
        {
            // Lists and customers write the Hong Kong of company names as HK as often as in full (香港 reads hong kong).
            var text = a[i].Text;
            if (aMatch[i] >= 0 || (text.Length < 3 && text != "hk") || text.Length > 6 || a[i].Consonantal
                || a[i].Role is TokenRole.Particle or TokenRole.Initial || !char.IsAsciiLetter(text[0]))
            {
                continue;
            }

            // A run needs a word for each letter, so it cannot start fewer words than that from the end.
            for (var start = 0; start + text.Length <= b.Length; start++)
            {
                var end = InitialsRun(text, b, start, skipParticles: false);
                if (end < 0)
                {
                    end = InitialsRun(text, b, start, skipParticles: true);
                }

                if (end < 0)
                {
                    continue;
                }

                aMatch[i] = (sbyte)start;
                float w = 0f;
                for (var k = start; k < end; k++)
                {
                    if (bMatch[k] < 0 && b[k].Role != TokenRole.Particle)
                    {
                        bMatch[k] = (sbyte)i;
                        w += b[k].Weight;
                    }
                }

                // The spelt-out side's own words carry the weight when they were free; else the acronym's.
                var weight = w > 0f ? w : a[i].Weight;
                num += weight * AcronymSimilarity;
                den += weight;
                if (alignments is not null)
                {
                    var words = string.Join(' ', b[start..end].Select(t => t.Text));
                    alignments.Add(aIsQuery
                        ? new TokenAlignment(text, words, TokenMatchKind.Acronym, 0.9)
                        : new TokenAlignment(words, text, TokenMatchKind.Acronym, 0.9));
                }

                break;
            }
        }
    }

    // The end (exclusive) of the run of words from start whose first letters spell the acronym, or -1.
    private static int InitialsRun(string acronym, NameToken[] words, int start, bool skipParticles)
    {
        var k = start;
        foreach (var letter in acronym)
        {
            while (skipParticles && k < words.Length && words[k].Role == TokenRole.Particle)
            {
                k++;
            }

            if (k >= words.Length || words[k].Text.Length < 2 || words[k].Text[0] != letter || words[k].Role == TokenRole.Legal)
            {
                return -1;
            }

            k++;
        }

        return k;
    }

    // The length test is inlined at every call: most pairs fail it, and the buffer below would cost a call each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool JoinedNear(ReadOnlySpan<char> whole, ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var total = left.Length + right.Length;
        return total <= 64 && Math.Abs(total - whole.Length) <= 1 && JoinedWithinOneEdit(whole, left, right, total);
    }

    private static bool JoinedWithinOneEdit(ReadOnlySpan<char> whole, ReadOnlySpan<char> left, ReadOnlySpan<char> right, int total)
    {
        Span<char> joined = stackalloc char[total];
        left.CopyTo(joined);
        right.CopyTo(joined[left.Length..]);
        if (total >= 8)
        {
            return EditDistance.Bounded(whole, joined, 1) <= 1;
        }

        // Shorter joins may differ by one vowel only (Jaza' ir / Jazayer).
        return EditDistance.Bounded(whole, joined, 1) switch
        {
            0 => true,
            1 => total >= 5 && Romanization.SameSkeleton(whole, joined),
            _ => false,
        };
    }
}
