using NewsIngest.Benchmarks.Pages;
using NewsIngest.Benchmarks.Pipeline;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Benchmarks.Stages;

/// <summary>
/// The <c>stages</c> command: runs the default HTML pipeline stage by stage over each page set, the same way
/// <see cref="ExtractionPipeline.Extract(PageInput)"/> does, and prints each stage's cumulative time, share, and allocations.
/// </summary>
internal static class StageProfile
{
    private const int Passes = 3;
    private const string Setup = "(sniff+context)";
    private const string Record = "(RecordBuilder)";
    private const string Parse = "parse alone (ref.)";

    public static int Run(TextWriter output)
    {
        var sets = PageSetLoader.LoadAvailable(output);
        WarmUp.Run(sets);
        output.WriteLine($"PER-STAGE PROFILE (Stopwatch + GC.GetAllocatedBytesForCurrentThread; 3 warm-up rounds over all sets, then 1 + {Passes} passes)");
        output.WriteLine($"cores {Environment.ProcessorCount}, load average {Formats.LoadAverage()}");
        var all = NewTotals();
        var allParse = new StageTotals(Parse);

        // Thrown-and-caught exceptions are a hidden cost (JSON-LD repair used to throw on broken scripts): count them.
        var exceptions = 0;
        AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref exceptions);
        foreach (var set in sets)
        {
            Profile(set, NewTotals(), new StageTotals(Parse)); // warm-up: JIT and first-use caches are not a stage's cost
            var totals = NewTotals();
            var parse = new StageTotals(Parse);
            for (var i = 0; i < Passes; i++)
            {
                Profile(set, totals, parse);
            }

            Print(output, $"{set.Name}: {set.Pages.Count} pages x {Passes} passes, {Formats.Megabytes(set.TotalBytes)} MB", totals, set.Pages.Count * Passes);
            PrintReference(output, totals, parse, set.Pages.Count * Passes);
            allParse.Add(parse);
            for (var i = 0; i < totals.Count; i++)
            {
                all[i].Add(totals[i]);
            }
        }

        Print(output, "all sets", all, sets.Sum(s => s.Pages.Count) * Passes);
        PrintReference(output, all, allParse, sets.Sum(s => s.Pages.Count) * Passes);
        output.WriteLine($"  first-chance exceptions over the 1 + {Passes} passes per set: {exceptions}");
        return 0;
    }

    private static List<StageTotals> NewTotals() =>
        [new(Setup), .. PipelineInternals.HtmlStages.Select(s => new StageTotals(s.GetType().Name)), new(Record)];

    /// <summary>Mirrors <see cref="ExtractionPipeline.Extract(PageInput)"/> for HTML input, timing each step.</summary>
    private static void Profile(PageSet set, List<StageTotals> totals, StageTotals parse)
    {
        var options = ExtractionPipeline.Default.Options;
        var stages = PipelineInternals.HtmlStages;
        foreach (var page in set.Pages)
        {
            ExtractionContext? context = null;
            totals[0].Measure(() =>
            {
                var content = page.Html.Length > options.MaxInputChars ? page.Html[..options.MaxInputChars] : page.Html;
                context = InputSniffer.Reject(content) is null
                    ? new ExtractionContext(new PageInput(content, page.Url, InputFormat.Html), options)
                    : null;
            });
            if (context is null)
            {
                continue;
            }

            for (var i = 0; i < stages.Count; i++)
            {
                var stage = stages[i];
                totals[i + 1].Measure(() => stage.Run(context));
            }

            totals[^1].Measure(() => GC.KeepAlive(RecordBuilder.Build(context)));

            // The baseline of the benchmark, on the same page right after, for the ratio below.
            parse.Measure(() => GC.KeepAlive(PipelineInternals.Parser.ParseDocument(page.Html)));
        }
    }

    /// <summary>The parse-alone reference row and the whole pipeline's ratio to it (the target is 1.3 or less).</summary>
    private static void PrintReference(TextWriter output, IReadOnlyList<StageTotals> totals, StageTotals parse, int pageRuns)
    {
        var ms = totals.Sum(t => t.Milliseconds);
        output.WriteLine(string.Create(Formats.Culture,
            $"  {parse.Name,-22} {parse.Milliseconds,10:0.0} {"",7} {parse.Milliseconds / pageRuns,8:0.00} " +
            $"{parse.AllocatedBytes / 1e6,9:0.0} {"",7} {parse.AllocatedBytes / 1024.0 / pageRuns,8:0.0}"));
        output.WriteLine(string.Create(Formats.Culture,
            $"  extract / parse = {ms / parse.Milliseconds:0.00} (time), {(double)totals.Sum(t => t.AllocatedBytes) / parse.AllocatedBytes:0.00} (allocations)"));
    }

    private static void Print(TextWriter output, string title, IReadOnlyList<StageTotals> totals, int pageRuns)
    {
        var ms = totals.Sum(t => t.Milliseconds);
        var bytes = totals.Sum(t => t.AllocatedBytes);
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine($"  {"stage",-22} {"total ms",10} {"share",7} {"ms/page",8} {"alloc MB",9} {"share",7} {"KB/page",8}");
        foreach (var t in totals)
        {
            output.WriteLine(string.Create(Formats.Culture,
                $"  {t.Name,-22} {t.Milliseconds,10:0.0} {t.Milliseconds / ms,7:P1} {t.Milliseconds / pageRuns,8:0.00} " +
                $"{t.AllocatedBytes / 1e6,9:0.0} {(double)t.AllocatedBytes / bytes,7:P1} {t.AllocatedBytes / 1024.0 / pageRuns,8:0.0}"));
        }

        output.WriteLine(string.Create(Formats.Culture,
            $"  {"total",-22} {ms,10:0.0} {1,7:P1} {ms / pageRuns,8:0.00} {bytes / 1e6,9:0.0} {1,7:P1} {bytes / 1024.0 / pageRuns,8:0.0}"));
    }
}
