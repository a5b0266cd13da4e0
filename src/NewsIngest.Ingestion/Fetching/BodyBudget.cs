using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The budget of page bodies buffered at once across a pass (<c>Http:MaxBytesInFlight</c>): the frontier admits a
/// page only when a body at the cap (<c>Http:MaxBodyBytes</c>) still fits, and the page keeps its room until it has
/// been extracted and written. Once its body is read, the page gives back what it did not use, so small pages do not
/// hold the room of large ones. Pages are admitted in the order they asked; a page waiting for room holds no host's
/// turn (it waits before the frontier takes it).
/// </summary>
public sealed class BodyBudget : IFrontierAdmission
{
    private readonly Lock _sync = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource<IAdmissionTicket> Granted)> _waiting = new();
    private readonly long _perPage;
    private long _reserved;
    private long _buffered;
    private long _peakBuffered;

    public BodyBudget(IOptions<HttpOptions> options)
        : this(options.Value.MaxBytesInFlight, options.Value.MaxBodyBytes)
    {
    }

    internal BodyBudget(long capacity, long perPage)
    {
        Capacity = Math.Max(1, capacity);
        _perPage = Math.Clamp(perPage, 1, Capacity);
    }

    /// <summary>Bytes of bodies that may be buffered at once.</summary>
    public long Capacity { get; }

    /// <summary>Bytes of page bodies buffered now (read and not yet let go with their page).</summary>
    public long Buffered
    {
        get
        {
            lock (_sync)
            {
                return _buffered;
            }
        }
    }

    /// <summary>The most bytes of page bodies buffered at once so far.</summary>
    public long PeakBuffered
    {
        get
        {
            lock (_sync)
            {
                return _peakBuffered;
            }
        }
    }

    /// <summary>Pages waiting for room.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Told whenever a page starts waiting for room (tests).</summary>
    internal Action? Queued { get; set; }

    public async ValueTask<IAdmissionTicket> AdmitAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<(long, TaskCompletionSource<IAdmissionTicket>)> node;
        lock (_sync)
        {
            if (_waiting.Count == 0 && _reserved + _perPage <= Capacity)
            {
                _reserved += _perPage;
                return new BodyLease(this, _perPage);
            }

            node = _waiting.AddLast((_perPage, new TaskCompletionSource<IAdmissionTicket>(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        Queued?.Invoke();
        await using var onCancel = cancellationToken.Register(() =>
        {
            lock (_sync)
            {
                if (node.List is null)
                {
                    return; // granted meanwhile: the ticket is returned and given back by its holder
                }

                _waiting.Remove(node);
            }

            node.Value.Item2.TrySetCanceled(cancellationToken);
        });
        return await node.Value.Item2.Task;
    }

    /// <summary>Gives back <paramref name="bytes"/> of room and admits the pages now fitting, first come first.</summary>
    internal void Release(long bytes)
    {
        List<(TaskCompletionSource<IAdmissionTicket> Granted, BodyLease Lease)> granted = [];
        lock (_sync)
        {
            _reserved -= bytes;
            while (_waiting.First is { } first && _reserved + first.Value.Bytes <= Capacity)
            {
                _waiting.RemoveFirst();
                _reserved += first.Value.Bytes;
                granted.Add((first.Value.Granted, new BodyLease(this, first.Value.Bytes)));
            }
        }

        foreach (var (tcs, lease) in granted)
        {
            tcs.TrySetResult(lease);
        }
    }

    /// <summary>Counts bytes a page's body buffers (positive) or lets go (negative).</summary>
    internal void NoteBuffered(long delta)
    {
        lock (_sync)
        {
            _buffered += delta;
            _peakBuffered = Math.Max(_peakBuffered, _buffered);
        }
    }
}
