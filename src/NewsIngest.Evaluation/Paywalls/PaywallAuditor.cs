using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Shingles;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Evaluation.Paywalls;

/// <summary>
/// Lists, per corpus, the pages the extractor calls paywalled and the signals behind each verdict. The corpora are
/// mostly free pages, so a paywalled verdict on one whose reference body is fully in the preview, or whose structured
/// data says free, is a false wall to look at.
/// </summary>
public sealed class PaywallAuditor(Func<PageInput, ExtractionResult>? extract = null)
{
    private readonly Func<PageInput, ExtractionResult> _extract = extract ?? ExtractionPipeline.Default.Extract;

    /// <summary>Audits <paramref name="corpus"/>; pages run in parallel, results come back in name order.</summary>
    public PaywallAuditCorpus Audit(Corpus corpus, int parallelism, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var pages = limit is { } n ? corpus.Pages.Take(n).ToList() : corpus.Pages;
        var outcomes = new (PaywallStatus? Status, PaywallAuditEntry? Entry)[pages.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, pages.Count, options, i => outcomes[i] = AuditPage(pages[i]));
        return new PaywallAuditCorpus(
            corpus.Name,
            pages.Count,
            outcomes.Count(o => o.Status == PaywallStatus.Free),
            outcomes.Count(o => o.Status == PaywallStatus.Unknown),
            outcomes.Count(o => o.Status is null),
            [.. outcomes.Where(o => o.Entry is not null).Select(o => o.Entry!)]);
    }

    private (PaywallStatus?, PaywallAuditEntry?) AuditPage(CorpusPage page)
    {
        try
        {
            var result = _extract(new PageInput(PageDecoder.Decode(GzipFile.ReadAllBytes(page.PagePath)).Text, page.Url));
            if (!result.IsSuccess)
            {
                return (null, null);
            }

            var record = result.Record;
            return record.Paywall.Status == PaywallStatus.Paywalled
                ? (record.Paywall.Status, PaywallAuditEntry.From(page.Name, record, ReferenceWords(page), ShingleTokenizer.Tokenize(ScoredText.Of(record)).Count))
                : (record.Paywall.Status, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private static int? ReferenceWords(CorpusPage page)
    {
        var text = page.ReferenceBody
            ?? (page.ReferencePath is { } path ? ReferenceText.FromHtml(PageDecoder.Decode(GzipFile.ReadAllBytes(path)).Text) : null);
        return text is null ? null : ShingleTokenizer.Tokenize(text).Count;
    }
}
