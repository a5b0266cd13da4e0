namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Where records go (Serilog's sink idea): the JSON Lines writer is one implementation. When
/// <see cref="WriteAsync"/> returns, the record is durable (flushed and fsynced).
/// </summary>
public interface IRecordSink : IAsyncDisposable
{
    Task WriteAsync(StoredRecord record, CancellationToken cancellationToken);
}
