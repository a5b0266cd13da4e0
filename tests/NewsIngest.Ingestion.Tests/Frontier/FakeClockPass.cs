using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.Tests.Frontier;

/// <summary>
/// Runs a pass on a fake clock: whenever the frontier goes to sleep with nothing in flight, the clock is moved
/// exactly to the next host's turn. No real waiting, and every request lands at the time politeness allows it.
/// </summary>
internal static class FakeClockPass
{
    public static async Task<PassSummary> RunAsync(IngestionPass pass, FakeTimeProvider time, IReadOnlyList<SourceOptions> sources)
    {
        var idle = Channel.CreateUnbounded<DateTimeOffset>();
        pass.FrontierIdle = at => idle.Writer.TryWrite(at);
        var run = pass.RunAsync(sources, CancellationToken.None);
        while (true)
        {
            var next = idle.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(run, next) == run)
            {
                return await run;
            }

            if (await next is var at && at > time.GetUtcNow())
            {
                time.SetUtcNow(at);
            }
        }
    }
}
