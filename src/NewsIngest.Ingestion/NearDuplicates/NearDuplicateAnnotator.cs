using NewsIngest.Extraction;
using NewsIngest.Extraction.Similarity;
using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// Annotates a record about to be written: its preview's shingles and band keys, the candidates of the index within
/// the window, each confirmed by <see cref="RelationRule"/> on the exact shingle sets; the closest confirmed match
/// gives the relation and similarity, its cluster's earliest record the <c>of</c>. The record then joins the index
/// (under that cluster). One record at a time, so two copies in flight at once still find each other.
/// </summary>
public sealed class NearDuplicateAnnotator(
    INearDuplicateIndex index, NearDuplicateOptions options, TimeProvider time, MinHashScheme? scheme = null, RelationRule? rule = null)
    : IAsyncDisposable
{
    /// <summary>Candidates confirmed per record (those sharing the most band keys): bounds the work per record.</summary>
    public const int MaxCandidates = 16;

    /// <summary>The window is pruned at the first record and then every this many.</summary>
    private const int PruneEvery = 1000;

    private readonly MinHashScheme _scheme = scheme ?? MinHashScheme.Default;
    private readonly RelationRule _rule = rule ?? RelationRule.Default;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _added;

    /// <summary>The verdict for <paramref name="record"/>, fetched from <paramref name="url"/> (whose host is its site).</summary>
    public async Task<NearDuplicateVerdict> AnnotateAsync(ArticleRecord record, string url, CancellationToken cancellationToken)
    {
        var profile = TextProfile.Of(record.Preview.Text);
        if (profile.Words == 0)
        {
            return NearDuplicateVerdict.None;
        }

        var site = SiteKey.Of(url) ?? "";
        // Under MinWords a text matches exactly only: the text key finds those, no band is needed or stored.
        var bands = profile.Words >= _rule.MinWords ? _scheme.BandKeys(profile.Shingles) : [];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var candidates = await index.FindAsync(profile.TextKey, bands, record.Id, now - options.Window, MaxCandidates, cancellationToken);
            var (best, match) = Closest(profile, site, candidates);
            if (best is not null && options.SkipSameText && best.TextKey == profile.TextKey && best.Words == profile.Words)
            {
                return new NearDuplicateVerdict(Info(best, match), SkipWrite: true);
            }

            // A record whose cluster starts with itself (an earlier version of it matched first) is no one's copy.
            var clusterOf = best?.ClusterOf ?? record.Id;
            await index.AddAsync(
                new IndexedText(record.Id, site, clusterOf, profile.Words, profile.TextKey, profile.Shingles, now), bands, cancellationToken);
            if (_added++ % PruneEvery == 0)
            {
                await index.PruneAsync(now - options.Window, options.MaxPerSite, cancellationToken);
            }

            return best is null || clusterOf == record.Id ? NearDuplicateVerdict.None : new NearDuplicateVerdict(Info(best, match), false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Writes the index entries of the records annotated so far: called before a batch of records is written, so no
    /// record reaches the output before its entry is in the state file.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await index.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return index.DisposeAsync();
    }

    private (IndexedText? Best, SimilarityMatch Match) Closest(TextProfile profile, string site, IReadOnlyList<IndexedText> candidates)
    {
        IndexedText? best = null;
        SimilarityMatch bestMatch = default;
        foreach (var candidate in candidates)
        {
            var earlier = new TextProfile(candidate.Words, candidate.TextKey, candidate.Shingles);
            if (_rule.Decide(profile, site, earlier, candidate.Site) is not { } match)
            {
                continue;
            }

            // The closest wins; among equals, the earliest.
            if (best is null || match.Similarity > bestMatch.Similarity
                || (match.Similarity == bestMatch.Similarity && candidate.Sequence < best.Sequence))
            {
                (best, bestMatch) = (candidate, match);
            }
        }

        return (best, bestMatch);
    }

    private static NearDuplicateInfo Info(IndexedText best, SimilarityMatch match) =>
        new(best.ClusterOf, match.Relation, match.Similarity);
}
