using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The room one admitted page holds in the <see cref="BodyBudget"/>: a small room to start, grown as its body is read
/// (<see cref="GrowAsync"/>, up to the body cap), then the body's own size (<see cref="Settle"/>) until the page ends.
/// The page's fetch finds it as <see cref="Current"/> (it flows with the page's work from <see cref="Enter"/>). Its
/// counts are the budget's to keep, under the budget's lock.
/// </summary>
internal sealed class BodyLease(BodyBudget budget) : IAdmissionTicket
{
    private static readonly AsyncLocal<BodyLease?> Flow = new();

    /// <summary>The lease of the page whose work is running here, if it was admitted against a budget.</summary>
    public static BodyLease? Current => Flow.Value;

    /// <summary>Bytes of room held (the budget's lock).</summary>
    internal long Reserved { get; set; }

    /// <summary>Bytes of body buffered (the budget's lock).</summary>
    internal long Buffered { get; set; }

    /// <summary>The page has ended and given everything back (the budget's lock).</summary>
    internal bool Ended { get; set; }

    public void Enter() => Flow.Value = this;

    /// <summary>Waits until the page holds room for <paramref name="bytes"/> of body (at most the cap).</summary>
    public ValueTask GrowAsync(long bytes, CancellationToken cancellationToken) => budget.GrowAsync(this, bytes, cancellationToken);

    /// <summary>The page's body buffered <paramref name="bytes"/> more (within its room, or a file read whole).</summary>
    public void Buffer(long bytes) => budget.Buffer(this, bytes);

    /// <summary>The body is read and holds <paramref name="bytes"/>: the rest of the room goes back to the budget.</summary>
    public void Settle(long bytes) => budget.Settle(this, bytes);

    public void Dispose() => budget.End(this);
}
