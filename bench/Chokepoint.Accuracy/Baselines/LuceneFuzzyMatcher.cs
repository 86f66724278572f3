using Chokepoint.Core;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>
/// The search-engine screener: every listed name is a document; the query is a boolean OR of one fuzzy query per
/// token with Elasticsearch's AUTO fuzziness (0 edits up to 2 characters, 1 up to 5, 2 beyond), scored by BM25.
/// </summary>
/// <remarks>
/// BM25 scores are unbounded, so each score is divided by the query's self-score: the score the query's own name gets
/// when it is indexed beside the corpus. 1.0 then means "as good as an exact copy of the query".
/// </remarks>
internal sealed class LuceneFuzzyMatcher : IEvalMatcher, IDisposable
{
    private const string Field = "name";
    private const string NameIndexField = "n";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int Hits = 50;

    private readonly BaselineCorpus _corpus;
    private readonly Analyzer _analyzer = new FoldingAnalyzer();
    private readonly Similarity _similarity = new BM25Similarity();
    private readonly Directory _directory = new RAMDirectory();
    private readonly DirectoryReader _reader;

    public LuceneFuzzyMatcher(BaselineCorpus corpus)
    {
        _corpus = corpus;
        using (var writer = new IndexWriter(_directory, NewConfig()))
        {
            for (var i = 0; i < corpus.Names.Count; i++)
            {
                writer.AddDocument(NewDocument(corpus.Names[i].Normalized, i));
            }

            writer.ForceMerge(1);
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public string Name => "lucene";

    public double Threshold => 0.75;

    public MatcherOutcome Screen(PartyQuery query, int top)
    {
        var text = BaselineCorpus.Normalize(query.Name);
        var tokens = Analyze(text);
        if (tokens.Count == 0)
        {
            return MatcherOutcome.Empty;
        }

        var boolean = new BooleanQuery();
        foreach (var token in tokens.Take(BooleanQuery.MaxClauseCount))
        {
            var term = new Term(Field, token);
            var edits = token.Length <= 2 ? 0 : token.Length <= 5 ? 1 : 2;
            Query clause = edits == 0 ? new TermQuery(term) : new FuzzyQuery(term, edits, prefixLength: 0, maxExpansions: 50, transpositions: true);
            boolean.Add(clause, Occur.SHOULD);
        }

        // The query's own name, indexed beside the corpus, gives the self-score that normalises BM25 to [0, 1].
        using var selfDirectory = new RAMDirectory();
        using (var writer = new IndexWriter(selfDirectory, NewConfig()))
        {
            writer.AddDocument(NewDocument(text, -1));
        }

        using var selfReader = DirectoryReader.Open(selfDirectory);
        using var both = new MultiReader([_reader, selfReader], closeSubReaders: false);
        var searcher = new IndexSearcher(both) { Similarity = _similarity };
        var found = searcher.Search(boolean, Hits + 1).ScoreDocs;

        var selfScore = 0f;
        foreach (var hit in found)
        {
            if (hit.Doc >= _reader.MaxDoc)
            {
                selfScore = hit.Score;
            }
        }

        if (selfScore <= 0)
        {
            selfScore = found.Length > 0 ? found[0].Score : 1;
        }

        var best = new Dictionary<int, (double Score, int Name)>();
        foreach (var hit in found)
        {
            if (hit.Doc < _reader.MaxDoc)
            {
                var nameIndex = searcher.Doc(hit.Doc).GetField(NameIndexField).GetInt32Value() ?? throw new InvalidOperationException("Stored name index missing.");
                _corpus.Offer(best, nameIndex, Math.Min(1.0, hit.Score / selfScore));
            }
        }

        return _corpus.Rank(best, top);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private IndexWriterConfig NewConfig() => new(Version, _analyzer)
    {
        OpenMode = OpenMode.CREATE,
        Similarity = _similarity,
        MergePolicy = new LogByteSizeMergePolicy(),
    };

    private static Document NewDocument(string text, int nameIndex) =>
    [
        new TextField(Field, text, Lucene.Net.Documents.Field.Store.NO),
        new StoredField(NameIndexField, nameIndex),
    ];

    private List<string> Analyze(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>StandardAnalyzer without stop words (as Elasticsearch's <c>standard</c> analyzer), plus ASCII folding.</summary>
    private sealed class FoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
