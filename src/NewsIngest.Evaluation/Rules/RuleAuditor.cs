using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Shingles;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Evaluation.Rules;

/// <summary>
/// Audits the rules that remove blocks: on every page of the corpora that carry a full reference body (shingle
/// corpora, snippet corpora with a <c>body</c>), each block left out of the scored text is charged to its rule
/// (role and reason) with its words and the words of them the reference keeps and the output lacks
/// (<see cref="ReferenceRemainder"/>). A rule whose removals are mostly article text is wrong.
/// </summary>
public sealed class RuleAuditor(ExtractionPipeline? pipeline = null)
{
    /// <summary>Pages listed per rule: those where it removed the most article text.</summary>
    public const int ExamplesPerRule = 3;

    // The scored text is the dek and the preview; the headline is a field of its own that references leave out.
    private static readonly HashSet<string> Scored = new(StringComparer.Ordinal) { "content", "dek", "headline" };

    private readonly ExtractionPipeline _pipeline = pipeline ?? ExtractionPipeline.Default;

    /// <summary>True when every page of <paramref name="corpus"/> has a full reference body to judge removals by.</summary>
    public static bool CanAudit(Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return corpus.Kind == CorpusKind.Shingles || corpus.HasReferenceBodies;
    }

    /// <summary>Audits the corpora that <see cref="CanAudit"/>; pages run in parallel, figures do not depend on order.</summary>
    public RuleAudit Audit(IReadOnlyList<Corpus> corpora, int parallelism, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        var audited = corpora.Where(CanAudit).ToList();
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var charges = new List<(string Corpus, string Page, Dictionary<RuleKey, (RuleRemovals Removals, string Longest, int LongestKept)> Rules)>();
        foreach (var corpus in audited)
        {
            var list = limit is { } n ? corpus.Pages.Take(n).ToList() : corpus.Pages;
            var results = new Dictionary<RuleKey, (RuleRemovals, string, int)>?[list.Count];
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            Parallel.For(0, list.Count, options, i => results[i] = AuditPage(list[i]));
            pages[corpus.Name] = list.Count;
            for (var i = 0; i < list.Count; i++)
            {
                if (results[i] is { } page)
                {
                    charges.Add((corpus.Name, list[i].Name, page));
                }
            }
        }

        var rows = charges
            .SelectMany(c => c.Rules.Select(r => (c.Corpus, c.Page, Rule: r.Key, r.Value.Removals, r.Value.Longest, r.Value.LongestKept)))
            .GroupBy(c => c.Rule)
            .Select(g => new RuleAuditRow(
                g.Key,
                g.Aggregate(RuleRemovals.None, (sum, c) => sum.Add(c.Removals)),
                g.GroupBy(c => c.Corpus, StringComparer.Ordinal)
                    .ToDictionary(c => c.Key, c => c.Aggregate(RuleRemovals.None, (sum, x) => sum.Add(x.Removals)), StringComparer.Ordinal),
                [.. g.Where(c => c.Removals.Kept > 0)
                    .OrderByDescending(c => c.Removals.Kept)
                    .ThenBy(c => c.Corpus, StringComparer.Ordinal)
                    .ThenBy(c => c.Page, StringComparer.Ordinal)
                    .Take(ExamplesPerRule)
                    .Select(c => new RuleExample(c.Corpus, c.Page, c.Removals.Kept, c.Longest))]))
            .OrderByDescending(r => r.Total.Kept)
            .ThenByDescending(r => r.Total.Words)
            .ThenBy(r => r.Rule.ToString(), StringComparer.Ordinal)
            .ToList();
        return new RuleAudit(
            [.. audited.Select(c => c.Name)],
            pages,
            rows,
            [.. corpora.Where(c => !CanAudit(c)).Select(c => c.Name)]);
    }

    private Dictionary<RuleKey, (RuleRemovals, string, int)>? AuditPage(CorpusPage page)
    {
        try
        {
            var html = PageDecoder.Decode(GzipFile.ReadAllBytes(page.PagePath)).Text;
            var result = _pipeline.Explain(new PageInput(html, page.Url), out var trace);
            if (!result.IsSuccess)
            {
                return null;
            }

            var reference = page.ReferenceBody
                ?? (page.ReferencePath is { } path ? ReferenceText.FromHtml(PageDecoder.Decode(GzipFile.ReadAllBytes(path)).Text) : "");
            var remainder = new ReferenceRemainder(reference, ScoredText.Of(result.Record));
            var rules = new Dictionary<RuleKey, (RuleRemovals Removals, string Longest, int LongestKept)>();
            foreach (var block in trace.Where(b => !Scored.Contains(b.Role)))
            {
                var (words, kept) = remainder.Draw(block.Text);
                if (words == 0)
                {
                    continue;
                }

                var key = RuleKey.Of(block.Role, block.Reason);
                var (sum, longest, longestKept) = rules.GetValueOrDefault(key, (RuleRemovals.None, "", 0));
                rules[key] = (
                    sum.Add(new RuleRemovals(1, words, kept)),
                    kept > longestKept ? block.Text : longest,
                    Math.Max(kept, longestKept));
            }

            return rules;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
