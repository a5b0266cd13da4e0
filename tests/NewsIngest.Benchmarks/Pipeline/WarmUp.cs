using NewsIngest.Benchmarks.Pages;

namespace NewsIngest.Benchmarks.Pipeline;

/// <summary>
/// Runs parse and extract over every set before anything is timed. Tiered JIT promotes hot methods in the background
/// only after they have run for a while, so timing the first set straight after its own single warm-up pass measured
/// partly unoptimised code (6x slower parses on the first corpus set on this machine).
/// </summary>
internal static class WarmUp
{
    private const int Rounds = 3;

    public static void Run(IEnumerable<PageSet> sets)
    {
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var set in sets)
            {
                GC.KeepAlive(PageWork.ParseAll(set));
                GC.KeepAlive(PageWork.ExtractAll(set));
            }
        }

        // Give the background compiler a moment to install what the rounds queued up.
        Thread.Sleep(200);
    }
}
