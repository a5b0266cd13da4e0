using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The room one admitted page holds in the <see cref="BodyBudget"/>: a body at the cap until its body is read, then
/// the body's own size, until the page ends. The page's fetch finds it as <see cref="Current"/> (it flows with the
/// page's work from <see cref="Enter"/>), counts the bytes it buffers against it and settles it once the body is read.
/// </summary>
internal sealed class BodyLease(BodyBudget budget, long reserved) : IAdmissionTicket
{
    private static readonly AsyncLocal<BodyLease?> Flow = new();
    private readonly Lock _sync = new();
    private long _reserved = reserved;
    private long _buffered;
    private bool _ended;

    /// <summary>The lease of the page whose work is running here, if it was admitted against a budget.</summary>
    public static BodyLease? Current => Flow.Value;

    public void Enter() => Flow.Value = this;

    /// <summary>The page's body buffered <paramref name="bytes"/> more.</summary>
    public void Buffer(int bytes)
    {
        lock (_sync)
        {
            if (_ended)
            {
                return;
            }

            _buffered += bytes;
        }

        budget.NoteBuffered(bytes);
    }

    /// <summary>The body is read and holds <paramref name="bytes"/>: the rest of the room goes back to the budget.</summary>
    public void Settle(long bytes)
    {
        long giveBack;
        lock (_sync)
        {
            if (_ended || bytes >= _reserved)
            {
                return;
            }

            giveBack = _reserved - Math.Max(0, bytes);
            _reserved -= giveBack;
        }

        budget.Release(giveBack);
    }

    public void Dispose()
    {
        long reservedLeft, buffered;
        lock (_sync)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            (reservedLeft, buffered) = (_reserved, _buffered);
        }

        budget.NoteBuffered(-buffered);
        budget.Release(reservedLeft);
    }
}
