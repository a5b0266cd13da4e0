using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>What a pass under test writes to: a real SQLite state, a JSON Lines sink and the batch writer over both.
/// Disposed in the order a run closes them.</summary>
internal sealed class PassStorage : IAsyncDisposable
{
    private PassStorage(SqliteStateStore state, JsonLinesSink sink, RecordBatchWriter writer)
    {
        State = state;
        Sink = sink;
        Writer = writer;
    }

    public SqliteStateStore State { get; }

    public JsonLinesSink Sink { get; }

    public RecordBatchWriter Writer { get; }

    public static async Task<PassStorage> OpenAsync(string statePath, string recordsDirectory, TimeProvider time, NewsIngestMetrics? metrics = null)
    {
        var state = await SqliteStateStore.OpenAsync(statePath, default);
        var sink = new JsonLinesSink(recordsDirectory, "records", 1 << 20, time);
        return new PassStorage(state, sink, new RecordBatchWriter(state, sink, new OutputOptions(), time, NullLogger.Instance, metrics));
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await Sink.DisposeAsync();
        await State.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
