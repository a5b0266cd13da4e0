using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>One record waiting for the batch writer: its pending write, its encoded line, and who waits for it.</summary>
internal sealed class QueuedRecord(PendingWrite pending, byte[] line)
{
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingWrite Pending { get; } = pending;

    public byte[] Line { get; } = line;

    /// <summary>Completes once the record is durable and committed; faults with <see cref="RecordWriteException"/>.</summary>
    public Task Durable => _durable.Task;

    public void Succeed() => _durable.TrySetResult();

    public void Fail(string reason) => _durable.TrySetException(new RecordWriteException(reason));

    /// <summary>The shared state refused the write; no line of it was written.</summary>
    public void Refuse(string reason) => _durable.TrySetException(new RecordWriteException(reason, refused: true));
}
