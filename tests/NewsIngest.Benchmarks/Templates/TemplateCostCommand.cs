using System.Globalization;

namespace NewsIngest.Benchmarks.Templates;

/// <summary>
/// <c>templates-cost [--rounds N] [--set NAME]…</c>: extraction with a warm site template against without one,
/// interleaved. Each round extracts the whole set both ways, in alternating order, after a full collection, and
/// takes each pass's thread CPU time; a round's ratio is with/without. Prints per set the median CPU of each way,
/// the median ratio with its quartiles, and the allocation ratio. Rounds taken side by side, on CPU time, keep a
/// change of machine load between two measurements out of the ratio.
/// </summary>
internal static class TemplateCostCommand
{
    private const int WarmRounds = 10;

    public static int Run(string[] args, TextWriter output)
    {
        if (!ThreadCpu.IsSupported)
        {
            output.WriteLine("templates-cost: needs Linux (thread CPU time from clock_gettime)");
            return 2;
        }

        var rounds = 30;
        var sets = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    rounds = n;
                    i++;
                    break;
                case "--set" when i + 1 < args.Length:
                    sets.Add(args[++i]);
                    break;
                default:
                    output.WriteLine($"templates-cost: unknown or incomplete argument '{args[i]}' (usage: templates-cost [--rounds N] [--set NAME]...)");
                    return 2;
            }
        }

        if (sets.Count == 0)
        {
            sets.AddRange(SiteTemplateCase.SetNames(output));
        }

        output.WriteLine($"templates-cost: {rounds} interleaved rounds per set after {WarmRounds} warm-up rounds, thread CPU time; load average {LoadAverage()}");
        output.WriteLine("| set | pages | without model (median CPU) | with model (median CPU) | ratio, median (quartiles) (target <= 1.05) | allocations |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var name in sets)
        {
            var cost = Measure(SiteTemplateCase.Load(name), rounds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {cost.Pages} | {cost.Without:F2} ms | {cost.With:F2} ms | {cost.Ratio:F3} ({cost.Low:F3}–{cost.High:F3}) | {cost.Allocations:F2} |"));
        }

        output.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static Cost Measure(SiteTemplateCase site, int rounds)
    {
        for (var round = 0; round < WarmRounds; round++)
        {
            site.WithoutModel();
            site.WithModel();
        }

        var without = new double[rounds];
        var with = new double[rounds];
        long allocatedWithout = 0, allocatedWith = 0;
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                without[round] = Time(site.WithoutModel, ref allocatedWithout);
                with[round] = Time(site.WithModel, ref allocatedWith);
            }
            else
            {
                with[round] = Time(site.WithModel, ref allocatedWith);
                without[round] = Time(site.WithoutModel, ref allocatedWithout);
            }
        }

        var ratios = without.Zip(with, (a, b) => b / a).Order().ToArray();
        return new Cost(
            site.Set.Pages.Count,
            Median([.. without.Order()]) * 1000,
            Median([.. with.Order()]) * 1000,
            Median(ratios),
            Quantile(ratios, 0.25),
            Quantile(ratios, 0.75),
            (double)allocatedWith / allocatedWithout);
    }

    private static double Time(Func<long> pass, ref long allocated)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = ThreadCpu.Seconds();
        pass();
        var seconds = ThreadCpu.Seconds() - start;
        allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
        return seconds;
    }

    private static double Median(double[] sorted) => Quantile(sorted, 0.5);

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Cost(int Pages, double Without, double With, double Ratio, double Low, double High, double Allocations);
}
