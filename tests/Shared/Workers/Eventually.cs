namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// Waits for a condition of the world outside the test process (a server's request log, a child's state, files on
/// disk), checked every 100 ms: never a sleep that has to be long enough, always a bound that fails with a message
/// saying what did not happen and what was seen.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> with
    /// <paramref name="what"/> and <paramref name="seen"/> when it has not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string> seen,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s; {seen()}");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }
}
