using System.Text;
using System.Text.Json;
using NewsIngest.Evaluation.Reporting;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// Writes a suite run as one JSON object: <c>suite</c>, <c>macro</c>, <c>leaveOneOut</c> (corpus → macro of the
/// others), <c>corpora</c> (each corpus's full report as <see cref="JsonReportWriter"/> writes it, plus <c>name</c>
/// and its <c>anchors</c>) and, with a baseline, <c>keep</c>. The output is a valid <c>--baseline</c> for a later run.
/// </summary>
public static class SuiteJsonWriter
{
    public static void Write(TextWriter writer, SuiteReport report, KeepVerdict? verdict = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonReportWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("suite", report.Directory);
            json.WriteNumber("macro", JsonReportWriter.Round(report.Macro));
            json.WriteStartObject("leaveOneOut");
            foreach (var name in report.Names)
            {
                json.WriteNumber(name, JsonReportWriter.Round(report.MacroWithout(name)));
            }

            json.WriteEndObject();
            json.WriteStartArray("corpora");
            foreach (var corpus in report.Corpora)
            {
                WriteCorpus(json, corpus);
            }

            json.WriteEndArray();
            if (verdict is not null)
            {
                WriteVerdict(json, verdict);
            }

            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteCorpus(Utf8JsonWriter json, EvaluationReport corpus)
    {
        var name = SuiteReport.NameOf(corpus);
        JsonReportWriter.WriteObject(json, corpus, lead: writer =>
        {
            writer.WriteString("name", name);
            if (PublishedAnchors.For(name) is { } set)
            {
                writer.WriteStartObject("anchors");
                writer.WriteString("measuredOn", set.MeasuredOn);
                foreach (var anchor in set.Anchors)
                {
                    writer.WriteNumber(anchor.System, anchor.Value);
                }

                writer.WriteEndObject();
            }
        });
    }

    private static void WriteVerdict(Utf8JsonWriter json, KeepVerdict verdict)
    {
        json.WriteStartObject("keep");
        json.WriteBoolean("keep", verdict.Keep);
        json.WriteNumber("macroBefore", JsonReportWriter.Round(verdict.MacroBefore));
        json.WriteNumber("macroAfter", JsonReportWriter.Round(verdict.MacroAfter));
        json.WriteStartArray("corpora");
        foreach (var delta in verdict.Corpora)
        {
            json.WriteStartObject();
            json.WriteString("name", delta.Name);
            json.WriteNumber("before", JsonReportWriter.Round(delta.Before));
            json.WriteNumber("after", JsonReportWriter.Round(delta.After));
            json.WriteNumber("macroWithoutBefore", JsonReportWriter.Round(delta.MacroWithoutBefore));
            json.WriteNumber("macroWithoutAfter", JsonReportWriter.Round(delta.MacroWithoutAfter));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in verdict.Problems)
        {
            json.WriteStringValue(problem);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
