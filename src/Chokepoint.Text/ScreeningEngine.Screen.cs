using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Chokepoint.Core;

namespace Chokepoint.Text;

public sealed partial class ScreeningEngine
{
    private const float KeyHit = 1f;
    private const float SkeletonHit = 0.8f;
    private const float DeletionHit = 0.6f;
    private const float CandidateFloor = 0.3f;

    /// <summary>Returns the listed entities the party may be, best first, with the alert decision.</summary>
    /// <param name="query">The party to screen.</param>
    /// <param name="options">Per-call settings, or null for the defaults.</param>
    /// <returns>
    /// The matches scoring at least <see cref="ScreeningOptions.MinScore"/>; a result with <see cref="ScreeningResult.Error"/>
    /// set when the name is empty or longer than <see cref="NameNormalizer.MaxLength"/> characters.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public ScreeningResult Screen(PartyQuery query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= new ScreeningOptions();
        var threshold = options.Threshold ?? _options.Threshold;
        var error = ValidateName(query.Name);
        if (error is not null)
        {
            return new ScreeningResult(query.Id, false, threshold, [], error);
        }

        var form = NameForm.Create(query.Name, query.Schema, _statistics);
        if (form.Tokens.Length == 0)
        {
            return new ScreeningResult(query.Id, false, threshold, [], "name has no letters or digits");
        }

        var scratch = ThreadScratch();
        scratch.Memo.Start(form.Tokens);

        if (scratch.Stamp == MaxStamp)
        {
            scratch.Restart();
        }

        scratch.Stamp++;
        var stamp = scratch.Stamp;
        var entityCount = 0;
        if (_options.Exhaustive)
        {
            for (var n = 0; n < _names.Length; n++)
            {
                ScoreName(scratch, form, n, stamp, ref entityCount);
            }
        }
        else
        {
            scratch.BestSum = 0f;
            var touched = Gather(scratch, form, stamp);
            // A short name in Arabic or Hebrew script keys on consonants alone, so many listed spellings tie with the
            // right one (علی صالحی: every Ali Saleh, Salih and Salehi); it takes twice the candidates.
            var max = form.HasConsonantal && form.Tokens.Length <= 3 ? 2 * _options.MaxCandidates : _options.MaxCandidates;
            var candidates = SelectTop(scratch, touched, max, TotalWeight(form.Tokens), _nameWeight);
            for (var c = 0; c < candidates; c++)
            {
                // Candidates lie all over the heap: ask for the name four ahead and its tokens two ahead, so their
                // cache misses overlap with scoring instead of stalling it (about a tenth of a query).
                if (c + 4 < candidates)
                {
                    Prefetch(_names[scratch.Touched[c + 4]]);
                }

                if (c + 2 < candidates)
                {
                    var ahead = scratch.Touched[c + 2];
                    Prefetch(_names[ahead].Tokens);
                    Prefetch(ref scratch.Forms[_nameForm[ahead]]);
                    Prefetch(ref scratch.Entities[_nameEntity[ahead]]);
                }

                if (c + 8 < candidates)
                {
                    var ahead = scratch.Touched[c + 8];
                    Prefetch(ref _nameForm[ahead]);
                    Prefetch(ref _nameEntity[ahead]);
                }

                ScoreName(scratch, form, scratch.Touched[c], stamp, ref entityCount);
            }
        }

        AddIdentifierMatches(scratch, query, stamp, ref entityCount);
        return Finish(scratch, query, form, options, threshold, entityCount);
    }

    private static unsafe void Prefetch<T>(ref T item)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref item));
        }
    }

    private Scratch ThreadScratch()
    {
        var scratch = t_scratch;
        if (scratch is null || !ReferenceEquals(scratch.Owner, this))
        {
            scratch = new Scratch(this, _names.Length, _entries.Length, _formCount, _index.DeletedKeyCount);
            t_scratch = scratch;
        }

        return scratch;
    }

    /// <summary>Moves this thread's query stamp, so a test can screen across the point where stamps start again.</summary>
    internal void SetThreadStamp(int stamp) => ThreadScratch().Stamp = stamp;

    /// <summary>The last query stamp before stamps start again.</summary>
    internal const int MaxStamp = (1 << (32 - TokenBits)) - 1;

    // A prefetch is only a hint: an address the collector has since moved costs a wasted fetch, never a fault.
    private static unsafe void Prefetch(object o)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(*(void**)Unsafe.AsPointer(ref o));
        }
    }

    internal static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name is empty";
        }

        return name.Length > NameNormalizer.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"name is {name.Length} characters long; the limit is {NameNormalizer.MaxLength}")
            : null;
    }

    private int Gather(Scratch s, NameForm form, int stamp)
    {
        var touched = 0;
        Span<char> buffer = stackalloc char[64];
        var tokens = form.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            var tok = tokens[t];
            if (!CandidateIndex.IsIndexed(tok))
            {
                continue;
            }

            var w = tok.Weight;
            if (tok.Consonantal)
            {
                if (tok.Reading is not null)
                {
                    GatherArabic(s, tok, w, t, stamp, ref touched);
                }

                Hit(s, _index.Lookup(CandidateIndex.SkeletonKind, tok.Skeleton), w * KeyHit, t, stamp, ref touched);
                if (tok.AltIsTranslation)
                {
                    Hit(s, _index.Lookup(CandidateIndex.KeyKind, tok.AltKey), w * KeyHit, t, stamp, ref touched);
                }

                if (tok.AltSkeleton is not null)
                {
                    Hit(s, _index.Lookup(CandidateIndex.SkeletonKind, tok.AltSkeleton), w * KeyHit, t, stamp, ref touched);
                }

                if (tok.Skeleton.Length >= 4 && tok.Skeleton.Length <= buffer.Length)
                {
                    for (var d = 0; d < tok.Skeleton.Length; d++)
                    {
                        Hit(s, _index.Lookup(CandidateIndex.SkeletonKind, CandidateIndex.Delete(tok.Skeleton, d, buffer)), w * DeletionHit, t, stamp, ref touched);
                    }
                }

                continue;
            }

            Hit(s, _index.Lookup(CandidateIndex.KeyKind, tok.Key), w * KeyHit, t, stamp, ref touched);

            // This word joined with the next (Nord Gold) may be one listed word (NORDGOLD).
            if (t + 1 < tokens.Length && CandidateIndex.JoinedKey(tok, tokens[t + 1], buffer) is { Length: > 0 } joined)
            {
                Hit(s, _index.Lookup(CandidateIndex.KeyKind, joined), (w + tokens[t + 1].Weight) * KeyHit, t, stamp, ref touched);

                // Three short words may be a Chinese brand listed as one word (Heng Bang Wei: HENGBANGWEI).
                if (t + 2 < tokens.Length && tok.Key.Length <= 6 && tokens[t + 1].Key.Length <= 6)
                {
                    ref readonly var third = ref tokens[t + 2];
                    if (third.Key.Length <= 6 && CandidateIndex.IsIndexed(third) && !third.Consonantal)
                    {
                        third.Key.AsSpan().CopyTo(buffer[joined.Length..]);
                        Hit(s, _index.Lookup(CandidateIndex.KeyKind, buffer[..(joined.Length + third.Key.Length)]),
                            (w + tokens[t + 1].Weight + third.Weight) * KeyHit, t, stamp, ref touched);
                    }
                }
            }

            if (tok.AltKey is not null)
            {
                Hit(s, _index.Lookup(CandidateIndex.KeyKind, tok.AltKey), w * KeyHit, t, stamp, ref touched);

                // A scholarly spelling with x for kh is keyed wrongly as English: its reading takes the typo lookups. (A c
                // alone is left out: most English names have one.)
                if (tok.AltKey.Length >= 7 && tok.AltKey.Length <= buffer.Length && tok.Text.Contains('x', StringComparison.Ordinal))
                {
                    for (var d = 0; d < tok.AltKey.Length; d++)
                    {
                        HitNearKeys(s, CandidateIndex.Delete(tok.AltKey, d, buffer), 0, w * DeletionHit, t, stamp, ref touched);
                    }
                }
            }

            if (tok.Skeleton.Length >= 2)
            {
                Hit(s, _index.Lookup(CandidateIndex.SkeletonKind, tok.Skeleton), w * SkeletonHit, t, stamp, ref touched);

                // Persian writes ق as gh where Arabic names write q (Ghasem, Qasim; Ghorbani, Qurbani): the scorer meets
                // them (ArabicReading.IsRegionalVariant), so the index looks up the other first letter too.
                if ((tok.Text[0] == 'q' || tok.Text.StartsWith("gh", StringComparison.Ordinal)) && tok.Skeleton.Length <= buffer.Length)
                {
                    tok.Skeleton.CopyTo(buffer);
                    buffer[0] = buffer[0] == 'g' ? 'k' : 'g';
                    Hit(s, _index.Lookup(CandidateIndex.SkeletonKind, buffer[..tok.Skeleton.Length]), w * SkeletonHit, t, stamp, ref touched);
                }
            }

            if (tok.Key.Length >= 4 && tok.Key.Length <= buffer.Length)
            {
                // Listed keys one letter longer (Efbet for Ebet) hold this key among their deletions; the key itself,
                // whose names the key lookup above met, is only marked as met.
                HitNearKeys(s, tok.Key, tok.Key.Length, w * DeletionHit, t, stamp, ref touched);
                for (var d = 0; tok.Key.Length >= 5 && d < tok.Key.Length; d++)
                {
                    HitNearKeys(s, CandidateIndex.Delete(tok.Key, d, buffer), 0, w * DeletionHit, t, stamp, ref touched);
                }
            }
        }

        if (form.Schema != EntitySchema.Person && tokens.Length >= 3)
        {
            GatherAcronyms(s, tokens, stamp, ref touched, skipParticles: false);
            GatherAcronyms(s, tokens, stamp, ref touched, skipParticles: true);
        }

        // Hong Kong in a company's name is listed as HK as often as in full (the scorer meets them as an acronym).
        for (var t = 0; form.Schema != EntitySchema.Person && t + 1 < tokens.Length; t++)
        {
            if (tokens[t].Text == "hong" && tokens[t + 1].Text == "kong")
            {
                Hit(s, _index.Lookup(CandidateIndex.KeyKind, HongKongKey), (tokens[t].Weight + tokens[t + 1].Weight) * KeyHit, NameForm.MaxTokens + t, stamp, ref touched);
            }
        }

        return touched;
    }

    private static readonly string HongKongKey = Romanization.Key("hk");

    // Runs of three to six words whose initials may be a listed acronym (Aktsionernaya Finansovaya Korporatsiya: AFK).
    private void GatherAcronyms(Scratch s, NameToken[] tokens, int stamp, ref int touched, bool skipParticles)
    {
        Span<char> initials = stackalloc char[6];
        for (var start = 0; start + 2 < tokens.Length; start++)
        {
            if (tokens[start].Role is TokenRole.Particle or TokenRole.Legal || tokens[start].Text.Length < 2)
            {
                continue;
            }

            var length = 0;
            var weight = 0f;
            for (var k = start; k < tokens.Length && length < initials.Length; k++)
            {
                var t = tokens[k];
                if (skipParticles && t.Role == TokenRole.Particle)
                {
                    continue;
                }

                if (t.Role == TokenRole.Legal || t.Text.Length < 2 || t.Consonantal)
                {
                    break;
                }

                initials[length++] = t.Text[0];
                weight += t.Weight;
                if (length >= 3)
                {
                    // Run ids lie above token indexes, so a run's hit does not stand in for its first word's.
                    Hit(s, _index.Lookup(CandidateIndex.AcronymKind, initials[..length]), weight * KeyHit, NameForm.MaxTokens + start, stamp, ref touched);
                }
            }
        }
    }

    // Listed Latin tokens are indexed by the loose key of their Arabic reading (CandidateIndex.ArabicKind).
    private void GatherArabic(Scratch s, in NameToken tok, float w, int t, int stamp, ref int touched)
    {
        Span<char> keys = stackalloc char[ArabicReading.MaxQueryKeys * ArabicReading.MaxLength];
        Span<int> lengths = stackalloc int[ArabicReading.MaxQueryKeys];
        Span<char> buffer = stackalloc char[ArabicReading.MaxLength];
        var count = ArabicReading.QueryKeys(tok.Reading!, keys, lengths);
        for (var i = 0; i < count; i++)
        {
            var key = keys.Slice(i * ArabicReading.MaxLength, lengths[i]);
            Hit(s, _index.Lookup(CandidateIndex.ArabicKind, key), w * KeyHit, t, stamp, ref touched);
            if (key.Length >= 4)
            {
                for (var d = 0; d < key.Length; d++)
                {
                    Hit(s, _index.Lookup(CandidateIndex.ArabicKind, CandidateIndex.Delete(key, d, buffer)), w * DeletionHit, t, stamp, ref touched);
                }
            }
        }
    }

    // Token indexes and run ids (MaxTokens + start) fit in the mark's low bits; the query's stamp takes the rest.
    internal const int TokenBits = 5;

    private static uint EvidenceMark(int stamp, int token) => ((uint)stamp << TokenBits) | (uint)token;

    // Hits the names of each listed key the deletion lookup finds, skipping keys this token already met (their names
    // took their first hit for this token then, and only the first counts) and a key of the own length, which is the
    // query's key itself when the lookup is of that key.
    private void HitNearKeys(Scratch s, ReadOnlySpan<char> key, int ownLength, float weight, int token, int stamp, ref int touched)
    {
        var mark = EvidenceMark(stamp, token);
        var keyMark = s.KeyMark;
        foreach (var id in _index.Lookup(CandidateIndex.DeletionKind, key))
        {
            if (keyMark[id] == mark)
            {
                continue;
            }

            keyMark[id] = mark;
            if (_index.KeyLength(id) != ownLength)
            {
                Hit(s, _index.NamesOfKey(id), weight, token, stamp, ref touched);
            }
        }
    }

    private static void Hit(Scratch s, ReadOnlySpan<int> postings, float weight, int token, int stamp, ref int touched)
    {
        // One struct per name keeps a posting's bookkeeping in one cache line (postings land all over the names).
        var evidence = s.Evidence;
        var mark = EvidenceMark(stamp, token);
        var best = s.BestSum;
        foreach (var n in postings)
        {
            ref var e = ref evidence[n];
            if ((e.Mark ^ mark) >> TokenBits != 0)
            {
                e.Mark = mark;
                e.Sum = weight;
                s.Touched[touched++] = n;
            }
            else if (e.Mark != mark)
            {
                // Lookups for one token run best kind first, so only the first hit of a token counts.
                e.Mark = mark;
                e.Sum += weight;
            }
            else
            {
                continue;
            }

            best = Math.Max(best, e.Sum);
        }

        s.BestSum = best;
    }

    private static float TotalWeight(NameToken[] tokens)
    {
        var total = 0f;
        foreach (var t in tokens)
        {
            total += t.Weight;
        }

        return total;
    }

    // Moves the best candidates to the front of Touched (partial selection) and returns how many there are.
    // Candidates are ranked by the score their shared evidence predicts: the query weight they explain over what the
    // scorer will charge (the query's weight plus half the listed weight left unexplained), so a short listed name
    // that holds the query's rare tokens ranks above a long one that holds the same tokens among many others.
    private static int SelectTop(Scratch s, int touched, int max, float queryWeight, float[] nameWeight)
    {
        // Names that share far less evidence with the query than the best candidate cannot outscore it (Hit keeps the best).
        var evidence = s.Evidence;
        var best = s.BestSum;

        // An acronym hit adds to the words' own hits (DEFENSE INDUSTRIES ORGANIZATION (DIO) for a query whose
        // initials are DIO), so evidence can exceed the query's weight; the floor is measured against at most that,
        // or the same name listed without its acronym falls under it.
        var floor = Math.Min(best, queryWeight) * CandidateFloor;

        // Ranked in a contiguous array as they are kept, so the selection below reads no name's bookkeeping again.
        var ranked = s.Ranked;
        var kept = 0;
        for (var k = 0; k < touched; k++)
        {
            var n = s.Touched[k];
            var sum = evidence[n].Sum;
            if (sum >= floor)
            {
                s.Touched[kept] = n;
                ranked[kept++] = new RankedName(sum / (queryWeight + (0.5f * Math.Max(0f, nameWeight[n] - sum))), n);
            }
        }

        if (kept <= max)
        {
            return kept;
        }

        int lo = 0, hi = kept - 1;
        while (lo < hi)
        {
            var pivot = ranked[(lo + hi) >>> 1].Priority;
            int i = lo, j = hi;
            while (i <= j)
            {
                while (ranked[i].Priority > pivot)
                {
                    i++;
                }

                while (ranked[j].Priority < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (ranked[i], ranked[j]) = (ranked[j], ranked[i]);
                    i++;
                    j--;
                }
            }

            if (max - 1 <= j)
            {
                hi = j;
            }
            else if (max - 1 >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        for (var k = 0; k < max; k++)
        {
            s.Touched[k] = ranked[k].Name;
        }

        return max;
    }

    private void ScoreName(Scratch s, NameForm form, int n, int stamp, ref int entityCount)
    {
        var shared = _nameForm[n];
        float score;
        ref var known = ref s.Forms[shared];
        if (known.Query == stamp)
        {
            score = known.Score;
        }
        else
        {
            score = NameScorer.Score(form, _names[n], memo: s.Memo);
            known = new FormScore(stamp, score);
        }

        if (score <= 0f)
        {
            return;
        }

        var e = _nameEntity[n];
        ref var entity = ref s.Entities[e];
        if (entity.Query != stamp)
        {
            entity = new EntityBest(stamp, score, n);
            s.EntityList[entityCount++] = e;
        }
        else if (score > entity.Score)
        {
            entity = new EntityBest(stamp, score, n);
        }
    }

    // Looks each identifier up once per query; Final then reads the owners found here.
    private void AddIdentifierMatches(Scratch s, PartyQuery query, int stamp, ref int entityCount)
    {
        s.IdentifierOwners.Clear();
        foreach (var id in query.Identifiers)
        {
            if (id?.Value is null || !_identifiers.TryGetValue(EvidenceScorer.NormalizeIdentifier(id.Value), out var owners))
            {
                continue;
            }

            foreach (var e in owners)
            {
                s.IdentifierOwners.Add((e, id.Value));
                if (s.Entities[e].Query != stamp)
                {
                    s.Entities[e] = new EntityBest(stamp, 0f, FirstName(e));
                    s.EntityList[entityCount++] = e;
                }
            }
        }
    }

    private int FirstName(int entity)
    {
        // Names are stored entity by entity, so a binary search finds the first one.
        var lo = 0;
        var hi = _nameEntity.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_nameEntity[mid] < entity)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private ScreeningResult Finish(Scratch s, PartyQuery query, NameForm form, ScreeningOptions options, double threshold, int entityCount)
    {
        var top = Math.Max(1, options.Top);
        var best = new List<(double Score, int Entity)>(top + 1);
        var anyIdentifier = s.IdentifierOwners.Count > 0;
        for (var k = 0; k < entityCount; k++)
        {
            var e = s.EntityList[k];

            // Evidence can add at most MaxGain, so a name score too low to reach the cut needs no look at the entry
            // (the margin covers the rounding of final scores, where a tie is broken by entity id).
            var reachable = s.Entities[e].Score + EvidenceScorer.MaxGain + 0.0001;
            if (!anyIdentifier && (reachable < options.MinScore || (best.Count == top && reachable < best[top - 1].Score)))
            {
                continue;
            }

            var final = Final(s, query, form.ImpliedSchema, e, s.Entities[e].Score, null);
            if (final < options.MinScore)
            {
                continue;
            }

            // Repeats of one record (KEY#2) take one place, the best-scoring one.
            var repeat = IndexOfRecord(best, _record[e]);
            if (repeat >= 0)
            {
                if (!Ahead(final, e, best[repeat].Score, best[repeat].Entity))
                {
                    continue;
                }

                best.RemoveAt(repeat);
            }

            var at = best.Count;
            while (at > 0 && Ahead(final, e, best[at - 1].Score, best[at - 1].Entity))
            {
                at--;
            }

            if (at < top)
            {
                best.Insert(at, (final, e));
                if (best.Count > top)
                {
                    best.RemoveAt(top);
                }
            }
        }

        var matches = new ScreeningMatch[best.Count];
        for (var k = 0; k < best.Count; k++)
        {
            var e = best[k].Entity;
            matches[k] = Explain(s, query, form, e, s.Entities[e].Name);
        }

        var alert = matches.Length > 0 && matches[0].Score >= threshold;
        return new ScreeningResult(query.Id, alert, threshold, matches);
    }

    private int IndexOfRecord(List<(double Score, int Entity)> best, int record)
    {
        for (var k = 0; k < best.Count; k++)
        {
            if (_record[best[k].Entity] == record)
            {
                return k;
            }
        }

        return -1;
    }

    // Higher score first; on a tie, the lower entity id (the record itself before its repeats).
    private bool Ahead(double score, int entity, double otherScore, int other) =>
        score > otherScore || (score == otherScore && _entries[other].Id > _entries[entity].Id);

    private double Final(Scratch s, PartyQuery query, EntitySchema querySchema, int entity, float nameScore, List<EvidenceEffect>? evidence)
    {
        var entry = _entries[entity];
        var score = nameScore + EvidenceScorer.Apply(query, querySchema, entry.Schema, entry.BirthDates, entry.Nationalities, entry.Citizenships, entry.Countries, evidence);
        if (HasIdentifierMatch(s, entity, out var value))
        {
            evidence?.Add(new EvidenceEffect("identifier", "decisive", Math.Max(0, EvidenceScorer.DecisiveScore - score), $"{value} is listed for this entity"));
            score = Math.Max(score, EvidenceScorer.DecisiveScore);
        }

        return Math.Round(Math.Clamp(score, 0.0, 1.0), 4);
    }

    private static bool HasIdentifierMatch(Scratch s, int entity, out string value)
    {
        foreach (var (owner, identifier) in s.IdentifierOwners)
        {
            if (owner == entity)
            {
                value = identifier;
                return true;
            }
        }

        value = "";
        return false;
    }

    private ScreeningMatch Explain(Scratch s, PartyQuery query, NameForm form, int entity, int name)
    {
        var alignments = new List<TokenAlignment>();
        var unmatchedQuery = new List<string>();
        var unmatchedListed = new List<string>();
        var evidence = new List<EvidenceEffect>();
        var nameScore = NameScorer.Score(form, _names[name], alignments, unmatchedQuery, unmatchedListed);
        var final = Final(s, query, form.ImpliedSchema, entity, nameScore, evidence);
        var entry = _entries[entity];
        var explanation = new MatchExplanation(Math.Round(nameScore, 4), alignments, unmatchedQuery, unmatchedListed, evidence);
        return new ScreeningMatch(entry.Id, final, _names[name].Original, entry.Schema, explanation);
    }
}
