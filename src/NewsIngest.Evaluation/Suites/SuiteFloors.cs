using System.Globalization;
using NewsIngest.Evaluation.Corpora;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// Floors for a suite run, one per corpus: <c>--min-f1 NAME=X</c> floors the corpus's headline score (<c>macro=X</c>
/// floors the macro average; a bare <c>X</c> floors every corpus), <c>--max-leak NAME=X</c> caps a snippet corpus's leak.
/// </summary>
public sealed class SuiteFloors
{
    /// <summary>The name that floors the macro average.</summary>
    public const string MacroName = "macro";

    private const string Every = "*";

    private readonly Dictionary<string, double> _minScore;
    private readonly Dictionary<string, double> _maxLeak;

    private SuiteFloors(Dictionary<string, double> minScore, Dictionary<string, double> maxLeak)
    {
        _minScore = minScore;
        _maxLeak = maxLeak;
    }

    /// <summary>Parses the option values; <paramref name="error"/> names the first bad one.</summary>
    public static SuiteFloors? Parse(IEnumerable<string> minF1, IEnumerable<string> maxLeak, out string? error)
    {
        var min = new Dictionary<string, double>(StringComparer.Ordinal);
        var leak = new Dictionary<string, double>(StringComparer.Ordinal);
        error = Fill(min, minF1, "--min-f1", allowMacro: true) ?? Fill(leak, maxLeak, "--max-leak", allowMacro: false);
        return error is null ? new SuiteFloors(min, leak) : null;
    }

    /// <summary>A one-line problem with these floors for <paramref name="suite"/> (an unknown name, a leak on a shingle corpus).</summary>
    public string? Validate(Suite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var names = suite.Corpora.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _minScore.Keys.Concat(_maxLeak.Keys))
        {
            if (name is not (Every or MacroName) && !names.Contains(name))
            {
                return $"no corpus named '{name}' in the suite (it has {string.Join(", ", names.Order(StringComparer.Ordinal))})";
            }
        }

        foreach (var name in _maxLeak.Keys.Where(n => n != Every))
        {
            if (suite.Corpora.First(c => c.Name == name).Kind != CorpusKind.Snippets)
            {
                return $"--max-leak {name}=…: '{name}' is a shingle corpus and has no leak figure";
            }
        }

        return null;
    }

    /// <summary>One line naming every floor <paramref name="report"/> fails, or null when it holds them all.</summary>
    public string? Check(SuiteReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        foreach (var corpus in report.Corpora)
        {
            var name = SuiteReport.NameOf(corpus);
            if (Floor(_minScore, name) is { } min && corpus.Score < min)
            {
                failures.Add(Format($"{name} {corpus.ScoreMetric} {corpus.Score:0.0000} is below {min}"));
            }

            if (Floor(_maxLeak, name) is { } max && corpus.Leak is { } leak && leak > max)
            {
                failures.Add(Format($"{name} leak {leak:0.0000} is above {max}"));
            }
        }

        if (_minScore.TryGetValue(MacroName, out var macro) && report.Macro < macro)
        {
            failures.Add(Format($"macro {report.Macro:0.0000} is below {macro}"));
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    /// <summary>The floor set for <paramref name="name"/>, else the one set for every corpus, else null.</summary>
    private static double? Floor(Dictionary<string, double> floors, string name) =>
        floors.TryGetValue(name, out var own) ? own : floors.TryGetValue(Every, out var every) ? every : null;

    private static string? Fill(Dictionary<string, double> into, IEnumerable<string> specs, string option, bool allowMacro)
    {
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? Every : spec[..equals].Trim();
            var number = equals < 0 ? spec : spec[(equals + 1)..];
            if (name.Length == 0 || (name == MacroName && !allowMacro))
            {
                return $"{option} takes NAME=X with NAME a corpus of the suite{(allowMacro ? " or 'macro'" : "")} (got '{spec}')";
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1
                || double.IsNaN(value))
            {
                return $"{option} {spec}: the value must be a number between 0 and 1";
            }

            into[name] = value;
        }

        return null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
