using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Faults;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Group commit: pages hand their record to one writer, which takes whatever is queued (up to
/// <see cref="OutputOptions.BatchMaxRecords"/>, waiting at most <see cref="OutputOptions.BatchWindow"/> for more) and
/// runs the exactly-once protocol once for the whole batch: one transaction recording the pending writes (durable),
/// one append of all the lines and one fsync, one transaction committing them. A failed batch fails its pages with
/// a one-line reason; the lines that did reach the output are found and committed as a restart would, so nothing
/// written is lost and nothing unwritten is marked done.
/// </summary>
public sealed class RecordBatchWriter : IAsyncDisposable
{
    private readonly IStateStore _state;
    private readonly IRecordSink _sink;
    private readonly int _maxRecords;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NewsIngestMetrics? _metrics;
    private readonly Channel<QueuedRecord> _queue;
    private readonly Lock _sync = new();
    private readonly Task _loop;
    private CancellationTokenSource? _openWindow;
    private bool _flushRequested;
    private bool _unsettled;

    public RecordBatchWriter(IStateStore state, IRecordSink sink, OutputOptions options, TimeProvider time, ILogger logger, NewsIngestMetrics? metrics = null)
    {
        _metrics = metrics;
        _state = state;
        _sink = sink;
        _maxRecords = options.BatchMaxRecords;
        _window = options.BatchWindow;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<QueuedRecord>(new BoundedChannelOptions(2 * _maxRecords) { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Runs before each batch's pending writes are recorded (the near-duplicate index writes the entries of the records
    /// it annotated, so none reaches the output before its entry). A failure is logged and the batch is written anyway:
    /// what it saves is derived data and is tried again before the next batch.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeBatch { get; init; }

    /// <summary>
    /// The shared state's fence (several workers on PostgreSQL): each step checks this worker's registration and host
    /// leases, and refused writes fail with <see cref="RecordWriteException.Refused"/>, no line written. Null: a single
    /// process, the state alone.
    /// </summary>
    public ICommitFence? Fence { get; init; }

    /// <summary>Batches written whole (pending writes, lines and commit).</summary>
    public int Batches { get; private set; }

    /// <summary>
    /// Queues a record (waiting only for room in the queue) and returns a task that completes once the record is
    /// durable and its state committed, or faults with <see cref="RecordWriteException"/>.
    /// </summary>
    public async Task<Task> EnqueueAsync(PendingWrite pending, StoredRecord record, CancellationToken cancellationToken)
    {
        // Encoded here, on the page's own thread: the single writer only copies bytes.
        var queued = new QueuedRecord(pending, StoredRecordJson.SerializeLine(record));
        await _queue.Writer.WriteAsync(queued, cancellationToken);
        return queued.Durable;
    }

    /// <summary>Writes what is queued now instead of waiting for the window (end of a pass, stop request).</summary>
    public void Flush()
    {
        lock (_sync)
        {
            _flushRequested = true;
            _openWindow?.Cancel();
        }
    }

    /// <summary>Writes everything still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Flush();
        await _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<QueuedRecord>(_maxRecords);
        while (await reader.WaitToReadAsync())
        {
            Take(reader, batch);
            if (batch.Count < _maxRecords && _window > TimeSpan.Zero)
            {
                await FillWindowAsync(reader, batch);
            }

            await WriteAsync(batch);
            batch.Clear();
            lock (_sync)
            {
                // A flush is over once everything queued before it is written.
                _flushRequested &= reader.Count > 0;
            }
        }
    }

    private void Take(ChannelReader<QueuedRecord> reader, List<QueuedRecord> batch)
    {
        while (batch.Count < _maxRecords && reader.TryRead(out var queued))
        {
            batch.Add(queued);
        }
    }

    private async Task FillWindowAsync(ChannelReader<QueuedRecord> reader, List<QueuedRecord> batch)
    {
        using var window = new CancellationTokenSource(_window, _time);
        lock (_sync)
        {
            if (_flushRequested)
            {
                // Flushed between the first take and now: what was queued before the flush goes in this batch.
                Take(reader, batch);
                return;
            }

            _openWindow = window;
        }

        try
        {
            while (batch.Count < _maxRecords && await reader.WaitToReadAsync(window.Token))
            {
                Take(reader, batch);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window closed (or a flush closed it): write what we have.
        }
        finally
        {
            lock (_sync)
            {
                _openWindow = null;
            }
        }
    }

    // The steps are not cancellable: a batch that has begun is finished (or settled) before the writer stops.
    private async Task WriteAsync(List<QueuedRecord> batch)
    {
        if (_unsettled && !await TrySettleAsync(batch, failure: null))
        {
            return;
        }

        var started = _time.GetTimestamp();
        if (BeforeBatch is { } before)
        {
            try
            {
                await before(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                StorageLog.BeforeBatchFailed(_logger, OneLine(ex));
            }
        }

        if (Fence is { } fence)
        {
            await WriteFencedAsync(fence, batch, started);
            return;
        }

        var pending = batch.Select(b => b.Pending).ToList();
        try
        {
            await _state.BeginWritesAsync(pending, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Fail(batch, $"the state could not record the write: {OneLine(ex)}");
            return;
        }

        CrashPoint.Reach(CrashPoint.PendingRecorded);

        try
        {
            await _sink.AppendAsync(batch.Select(b => b.Line).ToList(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            _unsettled = true;
            await TrySettleAsync(batch, $"could not append the record to {_sink.Directory}: {OneLine(ex)}");
            return;
        }

        CrashPoint.Reach(CrashPoint.Appended);
        PausePoint.Reach(CrashPoint.Appended);

        try
        {
            await _state.CommitWritesAsync(pending, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _unsettled = true;
            Fail(batch, $"the record was written but the state could not be updated ({OneLine(ex)}); " +
                "it is settled before the next write or at the next start");
            return;
        }

        CrashPoint.Reach(CrashPoint.Committed);
        Batches++;
        StorageLog.BatchWritten(_logger, batch.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        batch.ForEach(b => b.Succeed());
        StopPoint.Reach(CrashPoint.Committed);
        _metrics?.RecordsWritten(batch.Count);
    }

    /// <summary>
    /// The protocol under the fence: pending writes recorded (those of hosts not held refused), then one transaction
    /// holds the registration and the leases while the lines of the writes it did not refuse are appended and
    /// fsynced, and commits them. Refused writes fail with no line written, their pages handed back.
    /// </summary>
    private async Task WriteFencedAsync(ICommitFence fence, List<QueuedRecord> batch, long started)
    {
        IReadOnlyList<(PendingWrite Write, string Reason)> refusedAtBegin;
        try
        {
            refusedAtBegin = await fence.BeginAsync([.. batch.Select(b => b.Pending)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            Fail(batch, $"the state could not record the write: {OneLine(ex)}", unsettledElsewhere: true);
            return;
        }

        var live = await RefuseAsync(fence, batch, [.. refusedAtBegin.Select(r => (r.Write, r.Reason, true))]);
        CrashPoint.Reach(CrashPoint.PendingRecorded);
        if (live.Count == 0)
        {
            return;
        }

        IFencedCommit commit;
        try
        {
            commit = await fence.OpenAsync([.. live.Select(b => b.Pending)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            _unsettled = true;
            Fail(live, $"the state could not check the write: {OneLine(ex)}; it is settled before the next write or at the next start", unsettledElsewhere: true);
            return;
        }

        await using (commit)
        {
            live = await RefuseAsync(fence, live, commit.Refused);
            if (live.Count == 0)
            {
                await ForgetRefusedAsync(commit);
                return;
            }

            try
            {
                await _sink.AppendAsync(live.Select(b => b.Line).ToList(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                _unsettled = true;
                await commit.DisposeAsync();
                await TrySettleAsync(live, $"could not append the record to {_sink.Directory}: {OneLine(ex)}");
                return;
            }

            CrashPoint.Reach(CrashPoint.Appended);
            PausePoint.Reach(CrashPoint.Appended);
            try
            {
                var taken = await commit.CommitAsync(CancellationToken.None);
                if (taken.Count > 0)
                {
                    // Written, but another worker committed the same version first: the reconcile moves these lines out.
                    _unsettled = true;
                    live = await RefuseAsync(fence, live, [.. taken.Select(t => (t, $"version {t.Version} was written by another worker", false))]);
                }
            }
            catch (Exception ex)
            {
                _unsettled = true;
                Fail(live, $"the record was written but the state could not be updated ({OneLine(ex)}); " +
                    "it is settled before the next write or at the next start (or by the worker that adopts this one)", unsettledElsewhere: true);
                return;
            }
        }

        CrashPoint.Reach(CrashPoint.Committed);
        Batches++;
        StorageLog.BatchWritten(_logger, live.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        live.ForEach(b => b.Succeed());
        StopPoint.Reach(CrashPoint.Committed);
        _metrics?.RecordsWritten(live.Count);
    }

    /// <summary>Commits the open transaction that only forgets refused writes; a failure leaves them to the reconcile.</summary>
    private async Task ForgetRefusedAsync(IFencedCommit commit)
    {
        try
        {
            await commit.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _unsettled = true;
            StorageLog.BatchFailed(_logger, commit.Refused.Count, $"refused writes could not be forgotten: {OneLine(ex)}");
        }
    }

    /// <summary>Fails the refused records (no line written) and hands their pages back; returns the rest of the batch.</summary>
    private async Task<List<QueuedRecord>> RefuseAsync(
        ICommitFence fence, List<QueuedRecord> batch, IReadOnlyList<(PendingWrite Write, string Reason, bool GiveBack)> refused)
    {
        if (refused.Count == 0)
        {
            return batch;
        }

        var byWrite = refused.ToDictionary(r => r.Write.Url, StringComparer.Ordinal);
        var back = refused.Where(r => r.GiveBack).Select(r => r.Write).ToList();
        if (back.Count > 0)
        {
            try
            {
                await fence.GiveBackAsync(back, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The page is found again by its source's next pass; nothing was written for it.
                StorageLog.BatchFailed(_logger, back.Count, $"refused pages could not be handed back: {OneLine(ex)}");
            }
        }

        var live = new List<QueuedRecord>(batch.Count);
        foreach (var queued in batch)
        {
            if (byWrite.TryGetValue(queued.Pending.Url, out var why))
            {
                StorageLog.WriteRefused(_logger, queued.Pending.Url, why.Reason);
                queued.Refuse(why.Reason);
            }
            else
            {
                live.Add(queued);
            }
        }

        return live;
    }

    /// <summary>
    /// Repairs the output and settles the pending writes left by a failed batch exactly as start-up recovery does.
    /// With <paramref name="failure"/>, <paramref name="batch"/> is that failed batch: its records found in the
    /// output succeed, the others fail with it. Without, the settling comes before <paramref name="batch"/> is
    /// written, and a failure to settle fails it unwritten.
    /// </summary>
    private async Task<bool> TrySettleAsync(List<QueuedRecord> batch, string? failure)
    {
        try
        {
            foreach (var torn in _sink.Recover())
            {
                StorageLog.TornLine(_logger, torn.File, torn.Bytes, torn.MovedTo);
            }

            var (committed, dropped) = Fence is { } fence
                ? await fence.ReconcileAsync(_sink.Directory, _sink.FilePrefix, CancellationToken.None)
                : await PendingWriteReconciler.ReconcileAsync(_state, _sink.Directory, _sink.FilePrefix, CancellationToken.None);
            _unsettled = false;
            StorageLog.Settled(_logger, committed.Count, dropped.Count);
            if (failure is null)
            {
                return true;
            }

            var written = committed.ToHashSet(StringComparer.Ordinal);
            var lost = batch.Where(b => !written.Contains(b.Pending.Url)).ToList();
            var found = batch.Except(lost).ToList();
            found.ForEach(b => b.Succeed());
            _metrics?.RecordsWritten(found.Count);
            Fail(lost, failure);
            return true;
        }
        catch (Exception ex)
        {
            Fail(batch, $"{failure ?? "an earlier failed write could not be settled"}; " +
                $"the output could not be checked ({OneLine(ex)}), it is settled at the next start");
            return false;
        }
    }

    /// <summary>
    /// Fails the records. Under a fence every failure leaves the URL's state alone (<see cref="QueuedRecord.Refuse"/>):
    /// the write is settled by a fenced reconcile, this worker's or its adopter's, which may commit it; a
    /// <c>write-failed</c> state saved meanwhile could overwrite what that reconcile or another worker committed.
    /// </summary>
    private void Fail(List<QueuedRecord> batch, string reason, bool unsettledElsewhere = false)
    {
        if (batch.Count == 0)
        {
            return;
        }

        StorageLog.BatchFailed(_logger, batch.Count, reason);
        if (unsettledElsewhere || Fence is not null)
        {
            batch.ForEach(b => b.Refuse(reason));
        }
        else
        {
            batch.ForEach(b => b.Fail(reason));
        }
    }

    private static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ");
}
