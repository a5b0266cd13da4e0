using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching.Local;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;
using NewsIngest.Ingestion.Telemetry;
using NewsIngest.Ingestion.Templates;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Hosting;

/// <summary>
/// Opens an <see cref="IngestionRuntime"/>: the state of <c>State:Provider</c> (<see cref="StateBackend"/>, schema upgraded), the sink and its batch writer, then start-up recovery —
/// torn last lines moved aside, lines of the last file that are not records moved aside, pending writes committed or
/// dropped against the output, URLs whose committed latest record was among the lines moved set back to be fetched
/// again — before any page is fetched.
/// The caller holds the run lock.
/// </summary>
public sealed class IngestionRuntimeFactory(
    IOptions<NewsIngestOptions> options,
    PageFetcherRouter fetcher,
    IEnumerable<IArticleDiscoverer> discoverers,
    IPageExtractor extractor,
    TimeProvider time,
    ILoggerFactory loggers,
    IEnumerable<IPassObserver> observers,
    NewsIngestMetrics metrics,
    IHostPacing? pacing = null,
    IPolitenessMemory? politeness = null,
    IFrontierAdmission? admission = null,
    SharedHostSlots? slots = null)
{
    public async Task<IngestionRuntime> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger<IngestionRuntimeFactory>();
        var backend = await StateBackend.OpenAsync(settings.State, cancellationToken);
        var state = backend.Store;
        JsonLinesSink? sink = null;
        NearDuplicateAnnotator? nearDuplicates = null;
        HostStateSaver? hostState = null;
        WorkerSession? workers = null;
        try
        {
            ReconcileReport recovery;
            if (backend.Database is { } database)
            {
                // Several workers may share this state: leases replace the run lock, each writes files of its own.
                workers = await WorkerSession.OpenAsync(
                    database, settings.Worker, state, settings.Output.Directory, settings.Output.FilePrefix, time, loggers, cancellationToken);
                state = workers.State;
                sink = new JsonLinesSink(settings.Output.Directory, workers.Prefix, settings.Output.MaxFileBytes, time);
                recovery = await workers.RecoverOwnAsync(cancellationToken);
                LogRecovery(logger, recovery);
            }
            else
            {
                sink = new JsonLinesSink(options, time);
                recovery = await RecoverAsync(backend, state, sink, settings, logger, cancellationToken);
            }

            HostingLog.Opened(logger, backend.Description, sink.Directory);
            hostState = politeness is null ? null
                : await HostStateSaver.StartAsync(politeness, backend.Hosts, time, loggers.CreateLogger<HostStateSaver>(), cancellationToken);
            if (workers is not null && backend.SharedRobots is { } verdicts)
            {
                politeness?.Share(verdicts);
            }

            var archive = settings.Output.Archive ? new PageArchive(settings.Output.ArchiveDirectory!) : null;
            if (settings.NearDuplicates.Enabled)
            {
                var index = await backend.OpenNearDuplicateIndexAsync(cancellationToken);
                nearDuplicates = new NearDuplicateAnnotator(
                    workers is null ? index : new RetryingNearDuplicateIndex(index, workers.Retry), settings.NearDuplicates, time);
            }

            var writer = new RecordBatchWriter(state, sink, settings.Output, time, loggers.CreateLogger<RecordBatchWriter>(), metrics)
            {
                BeforeBatch = nearDuplicates is null ? null : nearDuplicates.FlushAsync,
                Fence = workers?.FenceFor(sink),
            };
            var templates = settings.Extraction.SiteTemplates
                ? new SiteTemplateLearner(
                    workers is null ? backend.Templates : new RetryingSiteTemplateStore(backend.Templates, workers.Retry),
                    settings.Sources.ToDictionary(s => s.Name, s => (IReadOnlyList<string>)s.KeepTemplateTexts, StringComparer.Ordinal),
                    settings.Extraction.TemplateSitesInMemory)
                : null;
            var processor = new PageProcessor(
                fetcher, state, writer, archive, extractor, time, loggers.CreateLogger<PageProcessor>(), metrics, nearDuplicates, templates)
            {
                Pacing = pacing,
                MaxHostWait = settings.Pass.MaxHostWait,
            };
            var shared = workers?.Frontier;
            var pass = new IngestionPass(
                discoverers, processor, settings.Pass, time, loggers.CreateLogger<IngestionPass>(), new PassObservers(observers), backend.Passes, pacing,
                frontierStore: shared is null ? null : () => shared, admission: admission)
            {
                HostToken = workers is null ? null : workers.Book.LostTokenOf,
            };
            if (workers is not null)
            {
                slots?.Attach(workers.Leases, workers.Book, workers.Retry);
                workers.Start();
            }

            return new IngestionRuntime(settings, state, sink, writer, archive, processor, pass, recovery)
            {
                NearDuplicates = nearDuplicates,
                HostState = hostState,
                Backend = backend,
                Workers = workers,
            };
        }
        catch
        {
            if (hostState is not null)
            {
                await hostState.DisposeAsync();
            }

            if (nearDuplicates is not null)
            {
                await nearDuplicates.DisposeAsync();
            }

            if (sink is not null)
            {
                await sink.DisposeAsync();
            }

            if (workers is not null)
            {
                await workers.DisposeAsync();
            }

            await backend.DisposeAsync();
            throw;
        }
    }

    /// <summary>A single process's start-up recovery of the output against the state (SQLite, or one worker's own).</summary>
    private async Task<ReconcileReport> RecoverAsync(
        StateBackend backend, IStateStore state, JsonLinesSink sink, NewsIngestOptions settings, ILogger logger, CancellationToken cancellationToken)
    {
        var torn = sink.Recover();
        foreach (var line in torn)
        {
            HostingLog.TornLine(logger, line.File, line.Bytes, line.MovedTo);
        }

        var bad = BadLineRecovery.Repair(sink.Directory, settings.Output.FilePrefix, time.GetUtcNow(), cancellationToken);
        foreach (var line in bad)
        {
            HostingLog.BadLine(logger, line.Number, line.File, line.Bytes, line.MovedTo);
        }

        // The writes pending now are what a torn line most likely was: the reconcile settles those.
        var pending = (await state.GetPendingWritesAsync(cancellationToken)).Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var (committed, dropped) = await PendingWriteReconciler.ReconcileAsync(
            state, sink.Directory, settings.Output.FilePrefix, cancellationToken);
        if (committed.Count + dropped.Count > 0)
        {
            HostingLog.Reconciled(logger, committed.Count, dropped.Count);
        }

        var tornRecords = await TornRecordReset.ResetAsync(
            state, sink.Directory, settings.Output.FilePrefix, torn, bad, pending, time.GetUtcNow(), cancellationToken);
        foreach (var record in tornRecords)
        {
            HostingLog.TornRecordReset(logger, record.Url, record.Reason, record.File, record.Version - 1);
        }

        if (await state.CountUrlsAsync(cancellationToken) == 0 && RecordFiles.List(sink.Directory, settings.Output.FilePrefix).Count > 0)
        {
            // A new, deleted or replaced state beside existing output: without its URLs every page would be
            // written again as version 1.
            var rebuilt = await UrlIndexRebuilder.RebuildAsync(state, sink.Directory, settings.Output.FilePrefix, cancellationToken);
            HostingLog.Rebuilt(logger, backend.Description, rebuilt.Records, rebuilt.Updated, rebuilt.BadLines.Count, string.Join(", ", rebuilt.BadLines.Take(5)));
        }

        return new ReconcileReport(torn, committed.Count, dropped.Count) { BadLines = bad, TornRecords = tornRecords };
    }

    private static void LogRecovery(ILogger logger, ReconcileReport recovery)
    {
        foreach (var line in recovery.TornLines)
        {
            HostingLog.TornLine(logger, line.File, line.Bytes, line.MovedTo);
        }

        foreach (var line in recovery.BadLines)
        {
            HostingLog.BadLine(logger, line.Number, line.File, line.Bytes, line.MovedTo);
        }

        if (recovery.Committed + recovery.Dropped > 0)
        {
            HostingLog.Reconciled(logger, recovery.Committed, recovery.Dropped);
        }

        foreach (var record in recovery.TornRecords)
        {
            HostingLog.TornRecordReset(logger, record.Url, record.Reason, record.File, record.Version - 1);
        }
    }
}
