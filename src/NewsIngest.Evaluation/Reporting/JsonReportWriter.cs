using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsIngest.Evaluation.Running;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>
/// Writes a report as one JSON object for scripts (camelCase names, ratios as numbers in [0, 1], times in seconds).
/// </summary>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> and a final newline to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        Write(buffer, report);
        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes <paramref name="report"/> as UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, Options);
        WriteObject(json, report);
    }

    /// <summary>The writer's indented, relaxed-escaping options, shared by the suite writer.</summary>
    internal static JsonWriterOptions WriterOptions => Options;

    /// <summary>
    /// Writes <paramref name="report"/> as one object at the writer's position (a suite nests one per corpus);
    /// <paramref name="lead"/> writes the suite's own fields first.
    /// </summary>
    internal static void WriteObject(Utf8JsonWriter json, EvaluationReport report, Action<Utf8JsonWriter>? lead = null)
    {
        json.WriteStartObject();
        lead?.Invoke(json);
        json.WriteString("corpus", report.Corpus);
        json.WriteString("kind", report.Kind.ToString().ToLowerInvariant());
        json.WriteNumber("pages", report.Pages);
        json.WriteNumber("extracted", report.Extracted);
        json.WriteNumber("rejected", report.Rejected);
        json.WriteNumber("crashed", report.Crashed);
        json.WriteNumber("unreadable", report.Unreadable);
        json.WriteNumber("precision", Round(report.Precision));
        json.WriteNumber("recall", Round(report.Recall));
        json.WriteNumber("f1", Round(report.F1));
        json.WriteString("scoreMetric", report.ScoreMetric);
        json.WriteNumber("score", Round(report.Score));
        if (report.Words is { } w)
        {
            json.WriteNumber("wordPrecision", Round(w.Precision));
            json.WriteNumber("wordRecall", Round(w.Recall));
            json.WriteNumber("wordF1", Round(w.F1));
        }

        if (report.Snippets is { } s)
        {
            json.WriteNumber("leak", Round(s.Leak));
            json.WriteNumber("truePositives", s.TruePositives);
            json.WriteNumber("falsePositives", s.FalsePositives);
            json.WriteNumber("falseNegatives", s.FalseNegatives);
            json.WriteNumber("trueNegatives", s.TrueNegatives);
        }
        else
        {
            json.WriteNumber("precisionPages", report.PrecisionPages ?? 0);
            json.WriteNumber("recallPages", report.RecallPages ?? 0);
        }

        json.WriteNumber("extractionSeconds", Math.Round(report.ExtractionTime.TotalSeconds, 3));
        json.WriteNumber("wallSeconds", Math.Round(report.WallTime.TotalSeconds, 3));
        json.WriteNumber("extractionPagesPerSecond", Math.Round(report.ExtractionPagesPerSecond, 1));
        json.WriteNumber("wallPagesPerSecond", Math.Round(report.WallPagesPerSecond, 1));
        json.WriteNumber("parallelism", report.Parallelism);
        WritePages(json, "worst", report.Worst);
        WritePages(json, "failures", report.Failures);
        json.WriteEndObject();
    }

    private static void WritePages(Utf8JsonWriter json, string name, IReadOnlyList<PageResult> pages)
    {
        json.WriteStartArray(name);
        foreach (var page in pages)
        {
            json.WriteStartObject();
            json.WriteString("name", page.Name);
            json.WriteString("outcome", page.Outcome.ToString().ToLowerInvariant());
            if (page.Error is not null)
            {
                json.WriteString("error", page.Error);
            }

            json.WriteNumber("precision", Round(page.Precision));
            json.WriteNumber("recall", Round(page.Recall));
            json.WriteNumber("f1", Round(page.F1));
            if (page.Words is { } words)
            {
                json.WriteNumber("wordF1", Round(words.F1));
            }

            if (page.Snippets is { } c)
            {
                json.WriteNumber("truePositives", c.TruePositives);
                json.WriteNumber("falsePositives", c.FalsePositives);
                json.WriteNumber("falseNegatives", c.FalseNegatives);
                json.WriteNumber("trueNegatives", c.TrueNegatives);
            }

            json.WriteNumber("outputChars", page.OutputChars);
            WriteStrings(json, "missed", page.Missed);
            WriteStrings(json, "leaked", page.Leaked);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    // Six decimals are plenty for a ratio and keep the output stable across runs.
    internal static double Round(double value) => Math.Round(value, 6);
}
