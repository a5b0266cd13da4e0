using System.Globalization;
using NewsIngest.Evaluation.Reporting;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// Writes a suite run as one table (a row per corpus with its headline metric, a second row for a body corpus's
/// snippets), the macro average, the macro average leaving each corpus out, and the published anchors. With a
/// baseline, each corpus also shows its score before and the change, and the keep rule's verdict closes the report.
/// </summary>
public static class SuiteTextWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Writes the table; with <paramref name="perCorpus"/>, each corpus's own summary (worst pages, failures) follows,
    /// with <paramref name="details"/> its missed and leaked snippets too.
    /// </summary>
    public static void Write(
        TextWriter writer, SuiteReport report, KeepVerdict? verdict = null, bool perCorpus = false, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var pages = report.Corpora.Sum(c => c.Pages);
        Line(writer, $"suite      {report.Directory}: {report.Corpora.Count} corpora, {pages} pages ({report.Corpora.Sum(c => c.Rejected)} rejected, {report.Corpora.Sum(c => c.Crashed)} crashed)");
        var compare = verdict is null ? "" : $"  {"before",-7} {"change",-8}";
        Line(writer, $"{"corpus",-13} {"pages",5}  {"metric",-9} {"P",-7} {"R",-7} {"F1",-7} {"leak",-7}{compare} {PublishedAnchors.Reference}");
        foreach (var corpus in report.Corpora)
        {
            var name = SuiteReport.NameOf(corpus);
            var anchor = PublishedAnchors.For(name)?.ReferenceValue is { } value ? value.ToString("0.000", Invariant) : "-";
            var leak = corpus.Leak is { } l ? l.ToString("0.0000", Invariant) : "-";
            var (p, r) = corpus.Words is { } w ? (w.Precision, w.Recall) : (corpus.Precision, corpus.Recall);
            var delta = verdict?.Corpora.FirstOrDefault(d => d.Name == name) is { } d
                ? $"  {d.Before,-7:0.0000} {d.Change,-8:+0.0000;-0.0000;0.0000}"
                : verdict is null ? "" : $"  {"-",-7} {"-",-8}";
            Line(writer, $"{name,-13} {corpus.Pages,5}  {corpus.ScoreMetric,-9} {p,-7:0.0000} {r,-7:0.0000} {corpus.Score,-7:0.0000} {leak,-7}{delta} {anchor}");
            if (corpus.Words is not null)
            {
                // A body corpus is also a snippet corpus: its snippet figures are the ones its leak belongs to.
                Line(writer, $"{"",-13} {"",5}  {"snippets",-9} {corpus.Precision,-7:0.0000} {corpus.Recall,-7:0.0000} {corpus.F1,-7:0.0000}");
            }
        }

        var metrics = string.Join(", ", report.Corpora.Select(c => $"{SuiteReport.NameOf(c)} {c.ScoreMetric}"));
        var macroChange = verdict is null ? "" : $"  (before {verdict.MacroBefore:0.0000}, change {verdict.MacroAfter - verdict.MacroBefore:+0.0000;-0.0000;0.0000})";
        Line(writer, $"macro      {report.Macro:0.0000}{macroChange}  mean F1 of {metrics}");
        if (report.Corpora.Count > 1)
        {
            var without = string.Join("  ", report.Names.Select(n => $"{n} {report.MacroWithout(n):0.0000}"));
            Line(writer, $"leave out  {without}");
        }

        WriteAnchors(writer, report);
        if (perCorpus)
        {
            foreach (var corpus in report.Corpora)
            {
                Line(writer, $"== {SuiteReport.NameOf(corpus)}");
                TextReportWriter.Write(writer, corpus, details);
            }
        }
        else
        {
            foreach (var failure in report.Corpora.SelectMany(c => c.Failures.Select(f => (Corpus: SuiteReport.NameOf(c), f))))
            {
                Line(writer, $"{failure.f.Outcome.ToString().ToLowerInvariant(),-10} {failure.Corpus}/{failure.f.Name}: {failure.f.Error}");
            }
        }

        if (verdict is not null)
        {
            if (verdict.Keep)
            {
                Line(writer, $"keep       yes: the macro average rises, no corpus falls by more than {KeepRule.MaxDrop}, and leaving any one out it does not fall");
            }
            else
            {
                Line(writer, $"keep       no: {string.Join("; ", verdict.Problems)}");
            }
        }
    }

    private static void WriteAnchors(TextWriter writer, SuiteReport report)
    {
        if (!report.Names.Any(n => PublishedAnchors.For(n) is not null))
        {
            return;
        }

        writer.WriteLine("published  (F1 of the same metric; where they were measured in brackets)");
        foreach (var name in report.Names)
        {
            if (PublishedAnchors.For(name) is { } set)
            {
                var systems = string.Join(", ", set.Anchors.Select(a => $"{a.System} {a.Value:0.000}"));
                Line(writer, $"  {name,-12} {systems}  [{set.MeasuredOn}]");
            }
        }
    }

    private static void Line(TextWriter writer, FormattableString text) => writer.WriteLine(text.ToString(Invariant));
}
