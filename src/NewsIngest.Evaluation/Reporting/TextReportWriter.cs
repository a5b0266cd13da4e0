using System.Globalization;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>Writes a report as a short human summary, then the worst pages and the failures.</summary>
public static class TextReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the summary; with <paramref name="details"/>, each worst page also lists its missed and leaked snippets.</summary>
    public static void Write(TextWriter writer, EvaluationReport report, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var metric = report.Snippets is null ? "shingles" : "snippets";
        Line(writer, $"corpus     {report.Corpus} ({metric}, {report.Pages} pages: {report.Extracted} extracted, {report.Rejected} rejected, {report.Crashed} crashed, {report.Unreadable} unreadable)");
        Line(writer, $"scores     precision {report.Precision:0.0000}  recall {report.Recall:0.0000}  F1 {report.F1:0.0000}");
        if (report.Snippets is { } s)
        {
            Line(writer, $"snippets   with {s.With} (found {s.TruePositives}, missed {s.FalseNegatives})  without {s.Without} (leaked {s.FalsePositives}, leak {report.Leak:0.0000})");
        }
        else
        {
            Line(writer, $"pages      {report.PrecisionPages} in precision (output not empty), {report.RecallPages} in recall (reference not empty)");
        }

        if (report.Words is { } w)
        {
            Line(writer, $"words      precision {w.Precision:0.0000}  recall {w.Recall:0.0000}  F1 {w.F1:0.0000}  (word F1 of the reference bodies, mean of {report.Pages - report.Unreadable} pages)");
        }

        Line(writer, $"speed      {report.ExtractionPagesPerSecond:0.0} pages/s of extraction time ({report.ExtractionTime.TotalSeconds:0.00} s summed), {report.WallPagesPerSecond:0.0} pages/s wall ({report.WallTime.TotalSeconds:0.00} s, {report.Parallelism} threads)");
        if (report.Worst.Count > 0)
        {
            Line(writer, $"worst {report.Worst.Count} pages:");
            var counts = report.Snippets is null ? "" : $" {"tp",3} {"fp",3} {"fn",3}";
            var wordHeader = report.Words is null ? "" : $" {"wordF1",-6}";
            Line(writer, $"  {"F1",-6} {"P",-6} {"R",-6}{counts}{wordHeader} {"chars",7}  page");
            foreach (var page in report.Worst)
            {
                var pageCounts = page.Snippets is { } c ? $" {c.TruePositives,3} {c.FalsePositives,3} {c.FalseNegatives,3}" : "";
                var word = page.Words is { } pw ? $" {pw.F1,-6:0.000}" : "";
                var note = page.Outcome == PageOutcome.Extracted ? "" : $"  [{page.Outcome.ToString().ToLowerInvariant()}]";
                Line(writer, $"  {page.F1,-6:0.000} {page.Precision,-6:0.000} {page.Recall,-6:0.000}{pageCounts}{word} {page.OutputChars,7}  {page.Name}{note}");
                if (details)
                {
                    WriteSnippets(writer, "missed", page.Missed);
                    WriteSnippets(writer, "leaked", page.Leaked);
                }
            }
        }

        foreach (var failure in report.Failures)
        {
            Line(writer, $"{failure.Outcome.ToString().ToLowerInvariant(),-10} {failure.Name}: {failure.Error}");
        }
    }

    private static void WriteSnippets(TextWriter writer, string label, IReadOnlyList<string> snippets)
    {
        foreach (var snippet in snippets)
        {
            // One line per snippet, shortened: enough to find it in the page.
            var text = SnippetText.Normalize(snippet);
            Line(writer, $"      {label}: \"{(text.Length > 100 ? text[..100] + "…" : text)}\"");
        }
    }

    private static void Line(TextWriter writer, FormattableString text) => writer.WriteLine(text.ToString(Invariant));
}
