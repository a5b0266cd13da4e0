using System.Globalization;

namespace NewsIngest.Ingestion.Faults;

/// <summary>
/// A test hook read once from an environment variable of the form <c>point:n</c>: <see cref="IsDue"/> is true the
/// n-th time the named point is reached, and never when the variable is unset (one comparison per call).
/// </summary>
internal sealed class ArmedPoint
{
    private readonly string? _point;
    private readonly int _count;
    private int _reached;

    public ArmedPoint(string variable)
    {
        var parts = Environment.GetEnvironmentVariable(variable)?.Split(':');
        if (parts is [var point, var count] && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            (_point, _count) = (point, n);
        }
    }

    /// <summary>Counts <paramref name="point"/>; true when it is the armed point's n-th time.</summary>
    public bool IsDue(string point) =>
        _point is not null && _point == point && Interlocked.Increment(ref _reached) == _count;
}
