using NewsIngest.Extraction;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// Marks a record made from a body the fetcher cut at its size cap (<c>Http:MaxBodyBytes</c>): the signal
/// <c>input:body-cut-at=N</c> beside the extractor's own <c>input:cut-at</c>, so a reader knows the page held more
/// than was read. The preview, and so the content hash, is what was read.
/// </summary>
internal static class BodyCutSignal
{
    public static ArticleRecord Mark(ArticleRecord record, int cutAtBytes) =>
        record with { Paywall = record.Paywall with { Signals = [.. record.Paywall.Signals, $"input:body-cut-at={cutAtBytes}"] } };
}
