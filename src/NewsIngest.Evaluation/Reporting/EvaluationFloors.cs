using System.Globalization;
using NewsIngest.Evaluation.Corpora;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>Quality floors a CI run must hold: F1 at least <see cref="MinF1"/>, leak at most <see cref="MaxLeak"/>.</summary>
public sealed record EvaluationFloors(double? MinF1 = null, double? MaxLeak = null)
{
    /// <summary>A one-line problem with these floors for a corpus of <paramref name="kind"/>, or <c>null</c>.</summary>
    public string? Validate(CorpusKind kind) =>
        MinF1 is < 0 or > 1 || (MinF1 is { } f && double.IsNaN(f)) ? $"--min-f1 must be between 0 and 1 (got {MinF1})"
        : MaxLeak is < 0 or > 1 || (MaxLeak is { } l && double.IsNaN(l)) ? $"--max-leak must be between 0 and 1 (got {MaxLeak})"
        : MaxLeak is not null && kind != CorpusKind.Snippets ? "--max-leak needs a snippet corpus: shingle corpora have no leak figure"
        : null;

    /// <summary>One line naming every floor <paramref name="report"/> fails, or <c>null</c> when it holds them all.</summary>
    public string? Check(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        if (MinF1 is { } minF1 && report.F1 < minF1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"F1 {report.F1:0.0000} is below --min-f1 {minF1}"));
        }

        if (MaxLeak is { } maxLeak && report.Leak is { } leak && leak > maxLeak)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"leak {leak:0.0000} is above --max-leak {maxLeak}"));
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }
}
