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
    IFrontierAdmission? admission = null)
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
        try
        {
            sink = new JsonLinesSink(options, time);
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

            HostingLog.Opened(logger, backend.Description, sink.Directory);
            hostState = politeness is null ? null
                : await HostStateSaver.StartAsync(politeness, backend.Hosts, time, loggers.CreateLogger<HostStateSaver>(), cancellationToken);
            var archive = settings.Output.Archive ? new PageArchive(settings.Output.ArchiveDirectory!) : null;
            nearDuplicates = settings.NearDuplicates.Enabled
                ? new NearDuplicateAnnotator(await backend.OpenNearDuplicateIndexAsync(cancellationToken), settings.NearDuplicates, time)
                : null;
            var writer = new RecordBatchWriter(state, sink, settings.Output, time, loggers.CreateLogger<RecordBatchWriter>(), metrics)
            {
                BeforeBatch = nearDuplicates is null ? null : nearDuplicates.FlushAsync,
            };
            var templates = settings.Extraction.SiteTemplates
                ? new SiteTemplateLearner(
                    backend.Templates,
                    settings.Sources.ToDictionary(s => s.Name, s => (IReadOnlyList<string>)s.KeepTemplateTexts, StringComparer.Ordinal),
                    settings.Extraction.TemplateSitesInMemory)
                : null;
            var processor = new PageProcessor(
                fetcher, state, writer, archive, extractor, time, loggers.CreateLogger<PageProcessor>(), metrics, nearDuplicates, templates)
            {
                Pacing = pacing,
                MaxHostWait = settings.Pass.MaxHostWait,
            };
            var pass = new IngestionPass(discoverers, processor, settings.Pass, time, loggers.CreateLogger<IngestionPass>(), new PassObservers(observers), backend.Passes, pacing, admission: admission);
            return new IngestionRuntime(settings, state, sink, writer, archive, processor, pass, new ReconcileReport(torn, committed.Count, dropped.Count) { BadLines = bad, TornRecords = tornRecords })
            {
                NearDuplicates = nearDuplicates,
                HostState = hostState,
                Backend = backend,
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

            await backend.DisposeAsync();
            throw;
        }
    }
}
