using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Hosting;

/// <summary>
/// The open state, sink, batch writer and pass of one process, after start-up recovery. Made by
/// <see cref="IngestionRuntimeFactory"/>; disposing it closes the state and the output file.
/// </summary>
public sealed class IngestionRuntime(
    NewsIngestOptions options,
    IStateStore state,
    JsonLinesSink sink,
    RecordBatchWriter writer,
    PageArchive? archive,
    PageProcessor processor,
    IngestionPass pass,
    ReconcileReport recovery) : IAsyncDisposable
{
    public NewsIngestOptions Options { get; } = options;

    public IStateStore State { get; } = state;

    public JsonLinesSink Sink { get; } = sink;

    /// <summary>The group-commit writer in front of <see cref="Sink"/>.</summary>
    public RecordBatchWriter Writer { get; } = writer;

    /// <summary>The raw-page archive, when <see cref="OutputOptions.Archive"/> is on.</summary>
    public PageArchive? Archive { get; } = archive;

    public PageProcessor Processor { get; } = processor;

    public IngestionPass Pass { get; } = pass;

    /// <summary>What start-up recovery did (torn lines, pending writes).</summary>
    public ReconcileReport Recovery { get; } = recovery;

    /// <summary>The near-duplicate annotator, when <see cref="NearDuplicateOptions.Enabled"/>.</summary>
    public NearDuplicateAnnotator? NearDuplicates { get; init; }

    /// <summary>Saves politeness' host state to <see cref="State"/> (null without HTTP fetching).</summary>
    public HostStateSaver? HostState { get; init; }

    /// <summary>
    /// The state backend <see cref="State"/> belongs to (the seam for code that needs the provider or its database):
    /// disposed in its place, closing the stores and then the database.
    /// </summary>
    public StateBackend? Backend { get; init; }

    /// <summary>This process as one of several workers (PostgreSQL state), or null (SQLite: one process, the run lock).</summary>
    public Workers.WorkerSession? Workers { get; init; }

    public async ValueTask DisposeAsync()
    {
        // Host state first (its last changes), while the state is open.
        if (HostState is not null)
        {
            await HostState.DisposeAsync();
        }

        // The writer first: it writes what is still queued, then the file and the state close.
        await Writer.DisposeAsync();
        await Sink.DisposeAsync();
        if (Workers is not null)
        {
            // Everything is written: the registration retires and its hosts go.
            await Workers.DisposeAsync();
        }

        if (NearDuplicates is not null)
        {
            await NearDuplicates.DisposeAsync();
        }

        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }
        else
        {
            await State.DisposeAsync();
        }
    }
}
