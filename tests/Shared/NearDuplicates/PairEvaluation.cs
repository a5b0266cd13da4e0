using System.Globalization;
using System.Text;
using NewsIngest.Extraction.Similarity;

namespace NewsIngest.Tests.Shared.NearDuplicates;

/// <summary>
/// Runs labelled pairs through what the index does: LSH candidates (a shared band key, or the same text key), then the
/// relation rule on the exact shingle sets. A match on a same-story pair is right; on a different-story pair, wrong.
/// </summary>
public sealed class PairEvaluation
{
    private readonly Dictionary<string, KindCounts> _kinds = new(StringComparer.Ordinal);
    private int _matched;
    private int _wrong;
    private int _matchedSameSite;
    private int _right;
    private int _relationRight;
    private int _wrongSameSite;

    public static PairEvaluation Run(IEnumerable<LabelledPair> pairs, MinHashScheme scheme, RelationRule rule)
    {
        var evaluation = new PairEvaluation();
        foreach (var pair in pairs)
        {
            var earlier = TextProfile.Of(pair.Earlier);
            var later = TextProfile.Of(pair.Later);
            var candidate = earlier.TextKey == later.TextKey
                || scheme.BandKeys(earlier.Shingles).Intersect(scheme.BandKeys(later.Shingles)).Any();
            var match = candidate ? rule.Decide(later, pair.LaterSite, earlier, pair.EarlierSite) : null;
            evaluation.Add(pair, candidate, match, SetSimilarity.Jaccard(earlier.Shingles, later.Shingles));
        }

        return evaluation;
    }

    public double Precision => _matched == 0 ? 1 : 1 - ((double)_wrong / _matched);

    /// <summary>The share of right matches whose relation is the one the pair's kind calls for.</summary>
    public double RelationAccuracy => _right == 0 ? 1 : (double)_relationRight / _right;

    public double SameSitePrecision => _matchedSameSite == 0 ? 1 : 1 - ((double)_wrongSameSite / _matchedSameSite);

    /// <summary>Recall over the pairs of the kinds <paramref name="kinds"/> select.</summary>
    public double Recall(Func<string, bool> kinds)
    {
        var selected = _kinds.Where(k => kinds(k.Key)).Select(k => k.Value).ToList();
        var pairs = selected.Sum(k => k.Pairs);
        return pairs == 0 ? 0 : (double)selected.Sum(k => k.Matched) / pairs;
    }

    public static bool IsSmallEdit(string kind) => kind is "copy" or "edit-1%" or "edit-5%" or "edit-10%";

    public static bool IsTeaser(string kind) => kind.StartsWith("teaser-", StringComparison.Ordinal);

    public string Report(MinHashScheme scheme, RelationRule rule)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"scheme {scheme.Bands} bands x {scheme.Rows} rows; near-duplicate Jaccard >= {rule.NearDuplicateJaccard}, preview containment >= {rule.PreviewContainment}");
        text.AppendLine("kind                        pairs  same-story  jaccard(mean,min..max)  candidates  matched  relation-right");
        foreach (var (kind, counts) in _kinds)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{kind,-27} {counts.Pairs,5}  {(counts.SameStory ? "yes" : "no"),10}  {counts.JaccardSum / counts.Pairs,6:0.000} {counts.JaccardMin,6:0.000}..{counts.JaccardMax,5:0.000}  {counts.Candidates,10}  {counts.Matched,7}  {counts.RelationRight,14}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"precision overall {Precision:0.0000} ({_matched} matched, {_wrong} wrong)");
        text.AppendLine(CultureInfo.InvariantCulture, $"precision same-site {SameSitePrecision:0.0000} ({_matchedSameSite} matched, {_wrongSameSite} wrong)");
        text.AppendLine(CultureInfo.InvariantCulture, $"relation right {RelationAccuracy:0.0000} of {_right} right matches");
        text.AppendLine(CultureInfo.InvariantCulture, $"recall copies and edits <= 10% {Recall(IsSmallEdit):0.0000}");
        text.AppendLine(CultureInfo.InvariantCulture, $"recall teaser vs full {Recall(IsTeaser):0.0000}");
        text.AppendLine(CultureInfo.InvariantCulture, $"recall edits 20% {Recall(k => k == "edit-20%"):0.0000}, 40% {Recall(k => k == "edit-40%"):0.0000}, template swaps {Recall(k => k == "template-swap"):0.0000}");
        return text.ToString();
    }

    private void Add(LabelledPair pair, bool candidate, SimilarityMatch? match, double jaccard)
    {
        if (!_kinds.TryGetValue(pair.Kind, out var counts))
        {
            _kinds[pair.Kind] = counts = new KindCounts { SameStory = pair.SameStory };
        }

        counts.Pairs++;
        counts.JaccardSum += jaccard;
        counts.JaccardMin = Math.Min(counts.JaccardMin, jaccard);
        counts.JaccardMax = Math.Max(counts.JaccardMax, jaccard);
        counts.Candidates += candidate ? 1 : 0;
        if (match is not { } found)
        {
            return;
        }

        counts.Matched++;
        _matched++;
        _matchedSameSite += pair.SameSite ? 1 : 0;
        if (!pair.SameStory)
        {
            _wrong++;
            _wrongSameSite += pair.SameSite ? 1 : 0;
        }
        else
        {
            _right++;
            if (Name(found.Relation) == pair.Expected)
            {
                counts.RelationRight++;
                _relationRight++;
            }
        }
    }

    private static string Name(NearDuplicateRelation relation) => relation switch
    {
        NearDuplicateRelation.SameText => "same-text",
        NearDuplicateRelation.NearDuplicate => "near-duplicate",
        NearDuplicateRelation.PreviewOf => "preview-of",
        _ => "syndicated",
    };

    private sealed class KindCounts
    {
        public bool SameStory { get; init; }
        public int Pairs { get; set; }
        public int Candidates { get; set; }
        public int Matched { get; set; }
        public int RelationRight { get; set; }
        public double JaccardSum { get; set; }
        public double JaccardMin { get; set; } = 1;
        public double JaccardMax { get; set; }
    }
}
