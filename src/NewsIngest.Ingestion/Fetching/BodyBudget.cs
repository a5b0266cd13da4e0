using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The budget of page bodies buffered at once across a pass (<c>Http:MaxBytesInFlight</c>). A page starts with a
/// small room (<see cref="StartingRoom"/>) and its room grows as its body is read (doubling, up to the body cap,
/// <c>Http:MaxBodyBytes</c>); once read, it keeps only its body's size until it has been extracted and written. So many
/// small pages are in flight at once, and the bytes reserved, which bound the bytes buffered, never exceed the budget.
/// <para>
/// One rule keeps every page able to finish: room is given only while what is left would still take the page it is
/// given to up to the cap. A page starts only while a body at the cap still fits beside the rooms held; a page's room
/// grows only while the rest of the budget would take it to the cap. So the page given room last can always read its
/// body whole, and each page that ends gives its room to the others; a page that needs more room waits while holding
/// its own (its host's turn too), and pages wanting to grow go before pages wanting to start (a page starts only where
/// every waiting page could grow). Pages waiting to start are admitted in the order they asked, before the frontier
/// takes them, so a page waiting to start holds no host's turn.
/// </para>
/// </summary>
public sealed class BodyBudget : IFrontierAdmission
{
    /// <summary>The room a page starts with: most articles' HTML fits, or is read after a doubling or two.</summary>
    public const long StartingRoom = 64 * 1024;

    private readonly Lock _sync = new();
    private readonly LinkedList<TaskCompletionSource<IAdmissionTicket>> _starting = new();
    private readonly LinkedList<(BodyLease Lease, long Room, TaskCompletionSource Granted)> _growing = new();
    private readonly long _startingRoom;
    private long _reserved;
    private long _peakReserved;
    private long _buffered;
    private long _peakBuffered;

    public BodyBudget(IOptions<HttpOptions> options)
        : this(options.Value.MaxBytesInFlight, options.Value.MaxBodyBytes)
    {
    }

    internal BodyBudget(long capacity, long maxBody, long startingRoom = StartingRoom)
    {
        Capacity = Math.Max(1, capacity);
        MaxBody = Math.Clamp(maxBody, 1, Capacity);
        _startingRoom = Math.Clamp(startingRoom, 1, MaxBody);
    }

    /// <summary>Bytes of bodies that may be buffered at once.</summary>
    public long Capacity { get; }

    /// <summary>The most one page's body may hold (the body cap).</summary>
    public long MaxBody { get; }

    /// <summary>Bytes of room the pages in flight hold now.</summary>
    public long Reserved
    {
        get
        {
            lock (_sync)
            {
                return _reserved;
            }
        }
    }

    /// <summary>The most room held at once so far (at most <see cref="Capacity"/>, but for files read whole).</summary>
    public long PeakReserved
    {
        get
        {
            lock (_sync)
            {
                return _peakReserved;
            }
        }
    }

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

    /// <summary>Pages waiting to start.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _starting.Count;
            }
        }
    }

    /// <summary>Pages waiting for more room for their body.</summary>
    public int Growing
    {
        get
        {
            lock (_sync)
            {
                return _growing.Count;
            }
        }
    }

    /// <summary>Told whenever a page starts waiting, to start or to grow (tests).</summary>
    internal Action? Queued { get; set; }

    public async ValueTask<IAdmissionTicket> AdmitAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<IAdmissionTicket>> node;
        lock (_sync)
        {
            if (_starting.Count == 0 && CanStart())
            {
                return Start();
            }

            node = _starting.AddLast(new TaskCompletionSource<IAdmissionTicket>(TaskCreationOptions.RunContinuationsAsynchronously));
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

                _starting.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        });
        return await node.Value.Task;
    }

    /// <summary>
    /// Room for <paramref name="bytes"/> of <paramref name="lease"/>'s body (at most <see cref="MaxBody"/>): at once
    /// when it holds that much, else its room doubles (or grows to what is asked, up to the cap) when the rule allows,
    /// waiting for other pages to end if need be.
    /// </summary>
    internal ValueTask GrowAsync(BodyLease lease, long bytes, CancellationToken cancellationToken)
    {
        LinkedListNode<(BodyLease, long, TaskCompletionSource)> node;
        lock (_sync)
        {
            if (lease.Ended || bytes <= lease.Reserved)
            {
                return ValueTask.CompletedTask;
            }

            var room = Math.Min(MaxBody, Math.Max(bytes, 2 * lease.Reserved));
            if (room <= lease.Reserved)
            {
                return ValueTask.CompletedTask; // at the cap already: the reader stops there
            }

            if (CanGrow(lease))
            {
                Take(lease, room - lease.Reserved);
                return ValueTask.CompletedTask;
            }

            node = _growing.AddLast((lease, room, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        Queued?.Invoke();
        return new ValueTask(WaitToGrowAsync(node, cancellationToken));
    }

    /// <summary>The lease's body is read and holds <paramref name="bytes"/>: the rest of its room goes back.</summary>
    internal void Settle(BodyLease lease, long bytes)
    {
        List<TaskCompletionSource>? granted;
        List<(TaskCompletionSource<IAdmissionTicket>, BodyLease)>? started;
        lock (_sync)
        {
            var keep = Math.Max(bytes, lease.Buffered);
            if (lease.Ended || keep >= lease.Reserved)
            {
                return;
            }

            _reserved -= lease.Reserved - keep;
            lease.Reserved = keep;
            (granted, started) = Pump();
        }

        Grant(granted, started);
    }

    /// <summary>
    /// The lease's body buffered <paramref name="bytes"/> more. Bytes beyond its room (a file, read whole before it is
    /// counted) are added to its room without waiting.
    /// </summary>
    internal void Buffer(BodyLease lease, long bytes)
    {
        lock (_sync)
        {
            if (lease.Ended)
            {
                return;
            }

            lease.Buffered += bytes;
            if (lease.Buffered > lease.Reserved)
            {
                Take(lease, lease.Buffered - lease.Reserved);
            }

            _buffered += bytes;
            _peakBuffered = Math.Max(_peakBuffered, _buffered);
        }
    }

    /// <summary>The lease's page has ended: its room and its buffered bytes go back, and waiting pages get room.</summary>
    internal void End(BodyLease lease)
    {
        List<TaskCompletionSource>? granted;
        List<(TaskCompletionSource<IAdmissionTicket>, BodyLease)>? started;
        List<TaskCompletionSource> orphaned = [];
        lock (_sync)
        {
            if (lease.Ended)
            {
                return;
            }

            lease.Ended = true;
            _reserved -= lease.Reserved;
            _buffered -= lease.Buffered;
            for (var node = _growing.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Lease == lease)
                {
                    _growing.Remove(node);
                    orphaned.Add(node.Value.Granted);
                }

                node = next;
            }

            (granted, started) = Pump();
        }

        foreach (var waiter in orphaned)
        {
            waiter.TrySetCanceled(); // its page ended while it waited: nothing is read into it any more
        }

        Grant(granted, started);
    }

    // A body at the cap still fits beside the rooms held: the new page can read its body whole.
    private bool CanStart() => Capacity - _reserved >= MaxBody;

    // What is left would take this page up to the cap.
    private bool CanGrow(BodyLease lease) => Capacity - _reserved >= MaxBody - lease.Reserved;

    private BodyLease Start()
    {
        var lease = new BodyLease(this);
        Take(lease, _startingRoom);
        return lease;
    }

    private void Take(BodyLease lease, long bytes)
    {
        lease.Reserved += bytes;
        _reserved += bytes;
        _peakReserved = Math.Max(_peakReserved, _reserved);
    }

    /// <summary>Gives room to the waiting pages it now fits: growing pages first, in the order they asked, then starting ones.</summary>
    private (List<TaskCompletionSource>? Granted, List<(TaskCompletionSource<IAdmissionTicket>, BodyLease)>? Started) Pump()
    {
        List<TaskCompletionSource>? granted = null;
        for (var node = _growing.First; node is not null;)
        {
            var next = node.Next;
            var (lease, room, waiter) = node.Value;
            if (CanGrow(lease))
            {
                _growing.Remove(node);
                Take(lease, room - lease.Reserved);
                (granted ??= []).Add(waiter);
            }

            node = next;
        }

        List<(TaskCompletionSource<IAdmissionTicket>, BodyLease)>? started = null;
        while (_starting.First is { } first && CanStart())
        {
            _starting.RemoveFirst();
            (started ??= []).Add((first.Value, Start()));
        }

        return (granted, started);
    }

    private static void Grant(List<TaskCompletionSource>? granted, List<(TaskCompletionSource<IAdmissionTicket>, BodyLease)>? started)
    {
        foreach (var waiter in granted ?? [])
        {
            waiter.TrySetResult();
        }

        foreach (var (waiter, lease) in started ?? [])
        {
            waiter.TrySetResult(lease); // taken off the queue under the lock: a cancellation no longer sees it
        }
    }

    private async Task WaitToGrowAsync(LinkedListNode<(BodyLease, long, TaskCompletionSource)> node, CancellationToken cancellationToken)
    {
        await using var onCancel = cancellationToken.Register(() =>
        {
            lock (_sync)
            {
                if (node.List is null)
                {
                    return; // granted meanwhile: the room is the lease's, given back when it ends
                }

                _growing.Remove(node);
            }

            node.Value.Item3.TrySetCanceled(cancellationToken);
        });
        await node.Value.Item3.Task;
    }
}
