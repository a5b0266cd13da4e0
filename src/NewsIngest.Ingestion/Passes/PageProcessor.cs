using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Faults;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;
using NewsIngest.Ingestion.Telemetry;
using NewsIngest.Ingestion.Templates;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// One page through the pass: conditional fetch with the state's validators → decode → extract → compare the
/// content hash with the state → hand a new version to the batch writer (pending → append + fsync → commit) or write
/// nothing → update state.
/// </summary>
public sealed class PageProcessor(
    IPageFetcher fetcher,
    IStateStore state,
    RecordBatchWriter writer,
    PageArchive? archive,
    IPageExtractor extractor,
    TimeProvider time,
    ILogger logger,
    NewsIngestMetrics? metrics = null,
    NearDuplicateAnnotator? nearDuplicates = null,
    SiteTemplateLearner? templates = null)
{
    /// <summary>The site templates pages are cleaned with and teach, or null when site templates are off.</summary>
    public SiteTemplateLearner? Templates => templates;

    /// <summary>
    /// Canonical URLs whose record is with the batch writer, not committed yet: the state cannot tell a second
    /// address of the same article that it is a duplicate until the batch commits.
    /// </summary>
    private readonly ConcurrentDictionary<string, (string Url, string Hash)> _queued = new(StringComparer.Ordinal);

    /// <summary>Processes <paramref name="page"/> of <paramref name="source"/>; failures are results, not exceptions.</summary>
    public Task<PageResult> ProcessAsync(string source, DiscoveredUrl page, CancellationToken cancellationToken) =>
        ProcessAsync(source, page, fetched: null, cancellationToken);

    /// <summary>
    /// As <see cref="ProcessAsync(string, DiscoveredUrl, CancellationToken)"/>; <paramref name="fetched"/> is called
    /// as soon as the fetch has ended (before extraction and storage), so the frontier can give the host its next turn.
    /// </summary>
    public async Task<PageResult> ProcessAsync(string source, DiscoveredUrl page, Action? fetched, CancellationToken cancellationToken)
    {
        var key = page.Url.AbsoluteUri;
        var previous = await state.GetAsync(key, cancellationToken);
        // Validators only once a record exists: a 304 must never stand in for a record we never wrote.
        var validated = previous is { Version: > 0 } || previous?.ContentHash is not null;
        var request = new FetchRequest(page.Url, validated ? previous!.ETag : null, validated ? previous!.LastModified : null);
        FetchResult fetch;
        try
        {
            fetch = await fetcher.FetchAsync(request, cancellationToken);
        }
        finally
        {
            fetched?.Invoke();
        }

        var now = time.GetUtcNow();
        var seen = (previous ?? new UrlState { Url = key }) with { LastFetchedAt = now, Source = source };

        switch (fetch.Outcome)
        {
            case FetchOutcome.NotModified:
                await state.SaveAsync(seen with { LastStatus = "not-modified", Attempts = 0 }, cancellationToken);
                return new PageResult(PageOutcome.NotModified);
            case FetchOutcome.RobotsDenied:
                await state.SaveAsync(seen with { LastStatus = "robots-denied" }, cancellationToken);
                return new PageResult(PageOutcome.RobotsDenied);
            case FetchOutcome.RobotsUnavailable:
                await state.SaveAsync(seen with
                {
                    LastStatus = "robots-unavailable",
                    Attempts = seen.Attempts + 1,
                    LastError = fetch.Error ?? "robots.txt unavailable",
                    LastErrorAt = now,
                }, cancellationToken);
                PassLog.PageFailed(logger, key, fetch.Error ?? "robots.txt unavailable");
                return new PageResult(PageOutcome.RobotsUnavailable, Error: fetch.Error);
            case FetchOutcome.HttpError when fetch.StatusCode is 429 or 503 && CoolingDownBeyondWait(page.Url) is { } until:
                var reason = $"{page.Url.Authority} answered {fetch.StatusCode}: cooling down until {until:u}";
                await state.SaveAsync(seen with { LastStatus = UrlStatuses.Deferred, LastError = reason, LastErrorAt = now }, cancellationToken);
                PassLog.PageDeferred(logger, key, reason);
                return new PageResult(PageOutcome.Deferred, Error: reason) { DeferredUntil = until };
            case not FetchOutcome.Ok:
                var status = fetch.StatusCode is { } code && fetch.Outcome == FetchOutcome.HttpError
                    ? $"http-{code}" : Kebab(fetch.Outcome);
                return await FailAsync(seen, status, fetch.Error ?? status, fetched: false, cancellationToken);
        }

        if (archive is not null)
        {
            var path = await archive.SaveAsync(source, key, fetch.Body, cancellationToken);
            await state.SaveArchiveEntryAsync(new ArchiveEntry
            {
                Url = key,
                Source = source,
                Path = path,
                FinalUrl = fetch.FinalUrl?.AbsoluteUri,
                Charset = fetch.Charset,
                HttpStatus = fetch.StatusCode,
                FetchedAt = now,
            }, cancellationToken);
        }

        StopPoint.Reach(StopPoint.Extracting);
        var extracting = time.GetTimestamp();
        var address = fetch.FinalUrl ?? page.Url;
        var extracted = templates is not null && SiteTemplateSet.SiteOf(address) is { } site
            ? await templates.ExtractAndLearnAsync(site, source, model => extractor.Extract(fetch.Body, fetch.Charset, address, model, cancellationToken), cancellationToken)
            : extractor.Extract(fetch.Body, fetch.Charset, address, cancellationToken);
        metrics?.Extracted(extracted.IsSuccess, time.GetElapsedTime(extracting));
        if (!extracted.IsSuccess)
        {
            return await FailAsync(seen, "extract-rejected", extracted.Error, fetched: true, cancellationToken);
        }

        var fresh = seen with
        {
            ETag = fetch.ETag,
            LastModified = fetch.LastModified,
            LastStatus = "ok",
            Attempts = 0,
            CanonicalUrl = extracted.Record.CanonicalUrl ?? seen.CanonicalUrl,
        };
        var record = fetch.Truncated ? BodyCutSignal.Mark(extracted.Record, fetch.Body.Length) : extracted.Record;
        return await StoreAsync(source, page, record, fresh, seen, fetch.StatusCode, now, cancellationToken);
    }

    /// <summary>
    /// Hands <paramref name="record"/> to the batch writer as the next version of the URL unless its preview equals the
    /// last one (or a same-canonical page's); the result's <see cref="PageResult.Pending"/> settles once it is written.
    /// A record that cannot be written leaves <paramref name="unwritten"/> (the URL's state without this fetch's
    /// validators, so the next pass fetches the page whole) marked <c>write-failed</c> with the reason. Shared with
    /// <c>reprocess</c>.
    /// </summary>
    public async Task<PageResult> StoreAsync(
        string source, DiscoveredUrl page, ArticleRecord record, UrlState fresh, UrlState unwritten, int? httpStatus,
        DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        var paywalled = record.Paywall.Status == PaywallStatus.Paywalled;
        var claim = (fresh.Url, record.ContentHash);
        if (fresh.ContentHash == record.ContentHash || await IsDuplicateAsync(fresh, record, cancellationToken)
            || (record.CanonicalUrl is { } canonical && _queued.GetOrAdd(canonical, claim) is var holder
                && holder != claim && holder.Hash == record.ContentHash))
        {
            await state.SaveAsync(fresh with { ContentHash = record.ContentHash, RecordId = record.Id }, cancellationToken);
            PassLog.Page(logger, PageOutcome.Unchanged, fresh.Url, fresh.Version);
            return new PageResult(PageOutcome.Unchanged, Fetched: true, Paywalled: paywalled);
        }

        var near = nearDuplicates is null ? NearDuplicateVerdict.None
            : await nearDuplicates.AnnotateAsync(record, fresh.Url, cancellationToken);
        if (near.SkipWrite)
        {
            await state.SaveAsync(fresh with { ContentHash = record.ContentHash }, cancellationToken);
            PassLog.Page(logger, PageOutcome.Unchanged, fresh.Url, fresh.Version);
            Release(record.CanonicalUrl, claim);
            return new PageResult(PageOutcome.Unchanged, Fetched: true, Paywalled: paywalled) { SameTextSkipped = true };
        }

        var version = fresh.Version + 1;
        var committed = fresh with { ContentHash = record.ContentHash, Version = version, RecordId = record.Id };
        var stored = new StoredRecord
        {
            Article = record,
            Source = source,
            FetchedAt = fetchedAt,
            HttpStatus = httpStatus,
            Version = version,
            Hints = page.Hints,
            NearDuplicate = near.Match,
        };
        Task durable;
        try
        {
            durable = await writer.EnqueueAsync(
                new PendingWrite(fresh.Url, record.Id, version, record.ContentHash, committed), stored, cancellationToken);
        }
        catch
        {
            Release(record.CanonicalUrl, claim);
            throw;
        }

        var written = new PageResult(version == 1 ? PageOutcome.New : PageOutcome.Changed, Fetched: true, Paywalled: paywalled);
        return written with { Pending = SettleAsync(written, durable, unwritten, version, record.CanonicalUrl, claim) };
    }

    /// <summary>
    /// The host pacing a page answered 429/503 is measured against: when its host's next allowed start then lies
    /// beyond <see cref="MaxHostWait"/>, the page is deferred to the next pass rather than failed. Null: never.
    /// </summary>
    public IHostPacing? Pacing { get; init; }

    /// <summary>The longest a pass waits for a host (<c>Pass:MaxHostWait</c>).</summary>
    public TimeSpan MaxHostWait { get; init; } = TimeSpan.MaxValue;

    /// <summary>
    /// Records <paramref name="pages"/> as deferred to the next pass, in one transaction: the reason and the time
    /// kept, validators and versions untouched.
    /// </summary>
    public async Task DeferAsync(IReadOnlyList<(string Source, DiscoveredUrl Page)> pages, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var now = time.GetUtcNow();
        var states = new List<UrlState>(pages.Count);
        foreach (var (source, page) in pages)
        {
            var key = page.Url.AbsoluteUri;
            var previous = await state.GetAsync(key, cancellationToken) ?? new UrlState { Url = key };
            states.Add(previous with { Source = source, LastStatus = UrlStatuses.Deferred, LastError = reason, LastErrorAt = now });
        }

        await state.SaveAllAsync(states, cancellationToken);
        foreach (var s in states)
        {
            PassLog.PageDeferred(logger, s.Url, reason);
        }
    }

    /// <summary>Writes what is queued now rather than at the end of the batch window (end of a pass, stop request).</summary>
    public void FlushWrites() => writer.Flush();

    private async Task<PageResult> SettleAsync(
        PageResult written, Task durable, UrlState unwritten, int version, string? canonical, (string Url, string Hash) claim)
    {
        var url = unwritten.Url;
        try
        {
            // A crash before the batch commits is settled by the reconciler at the next start.
            await durable;
            PassLog.Page(logger, written.Outcome, url, version);
            return written;
        }
        catch (RecordWriteException ex) when (ex.Refused)
        {
            // Another worker holds the host now (or wrote this version first): the URL's state is not ours to touch.
            return new PageResult(PageOutcome.Deferred, Fetched: true, Error: ex.Message);
        }
        catch (RecordWriteException ex)
        {
            PassLog.PageFailed(logger, url, ex.Message);
            await SaveWriteFailureAsync(unwritten, ex.Message);
            return new PageResult(PageOutcome.Failed, Fetched: true, Error: ex.Message);
        }
        finally
        {
            // Committed (the state answers from now on) or failed (the next pass tries again).
            Release(canonical, claim);
        }
    }

    /// <summary>Best effort: when the state cannot take it either (its disk is the full one), the log line stands.</summary>
    private async Task SaveWriteFailureAsync(UrlState unwritten, string reason)
    {
        try
        {
            await state.SaveAsync(unwritten with
            {
                LastStatus = "write-failed",
                Attempts = unwritten.Attempts + 1,
                LastError = reason,
                LastErrorAt = time.GetUtcNow(),
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            PassLog.PageFailed(logger, unwritten.Url, $"its failure could not be recorded either: {ex.Message}");
        }
    }

    private void Release(string? canonical, (string Url, string Hash) claim)
    {
        if (canonical is not null)
        {
            _queued.TryRemove(KeyValuePair.Create(canonical, claim));
        }
    }

    private async Task<bool> IsDuplicateAsync(UrlState fresh, ArticleRecord record, CancellationToken cancellationToken)
    {
        if (record.CanonicalUrl is not { } canonical)
        {
            return false;
        }

        var other = await state.FindByCanonicalAsync(canonical, cancellationToken);
        return other is not null && other.Url != fresh.Url && other.ContentHash == record.ContentHash;
    }

    private async Task<PageResult> FailAsync(UrlState seen, string status, string reason, bool fetched, CancellationToken cancellationToken)
    {
        await state.SaveAsync(seen with
        {
            LastStatus = status,
            Attempts = seen.Attempts + 1,
            LastError = reason,
            LastErrorAt = seen.LastFetchedAt,
        }, cancellationToken);
        PassLog.PageFailed(logger, seen.Url, reason);
        return new PageResult(PageOutcome.Failed, Fetched: fetched, Error: reason);
    }

    private DateTimeOffset? CoolingDownBeyondWait(Uri url)
    {
        if (Pacing?.TimeUntilReady(url) is not { } wait || wait <= MaxHostWait)
        {
            return null;
        }

        return time.GetUtcNow() + wait;
    }

    private static string Kebab(FetchOutcome outcome)
    {
        var name = outcome.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
