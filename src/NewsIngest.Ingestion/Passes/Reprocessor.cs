using Microsoft.Extensions.Logging;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// <c>reprocess</c>: extracts every archived raw page again with the current extractor and writes a new version
/// only where the preview changed (same exactly-once path as a pass). Nothing is fetched.
/// </summary>
public sealed class Reprocessor(
    IStateStore state, PageProcessor processor, IPageExtractor extractor, TimeProvider time, ILogger<Reprocessor> logger)
{
    public async Task<PassSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var entries = await state.GetArchiveEntriesAsync(cancellationToken);
        var counters = new PassCounters();
        foreach (var entry in entries)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                counters.Add(entry.Source, new PageResult(PageOutcome.Skipped));
                continue;
            }

            counters.Add(entry.Source, await ReprocessAsync(entry, cancellationToken));
        }

        processor.FlushWrites();
        // Not cancelled by a stop request: records already handed to the writer are written (or fail) in bounded time.
        await counters.WhenSettledAsync(CancellationToken.None);

        var summary = counters.ToSummary(entries.Select(e => e.Source).Distinct(StringComparer.Ordinal).Count(),
            entries.Count, [], time.GetElapsedTime(started), cancellationToken.IsCancellationRequested);
        PassLog.Summary(logger, summary.ToLine());
        return summary;
    }

    private async Task<PageResult> ReprocessAsync(ArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var body = await PageArchive.ReadAsync(entry.Path, cancellationToken);
            var url = new Uri(entry.Url);
            var address = entry.FinalUrl is { } final ? new Uri(final) : url;
            // The current model, as it stands: reprocessing teaches the template nothing new.
            var model = processor.Templates is { } templates && SiteTemplateSet.SiteOf(address) is { } site
                ? await templates.CurrentAsync(site, entry.Source, cancellationToken)
                : null;
            var extracted = extractor.Extract(body, entry.Charset, address, model, cancellationToken);
            if (!extracted.IsSuccess)
            {
                PassLog.PageFailed(logger, entry.Url, extracted.Error);
                return new PageResult(PageOutcome.Failed, Error: extracted.Error);
            }

            var current = await state.GetAsync(entry.Url, cancellationToken) ?? new UrlState { Url = entry.Url };
            var fresh = current with { CanonicalUrl = extracted.Record.CanonicalUrl ?? current.CanonicalUrl };
            return await processor.StoreAsync(entry.Source, new DiscoveredUrl(url), extracted.Record, fresh, current,
                entry.HttpStatus, entry.FetchedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UriFormatException)
        {
            PassLog.PageFailed(logger, entry.Url, ex.Message);
            return new PageResult(PageOutcome.Failed, Error: ex.Message);
        }
    }
}
