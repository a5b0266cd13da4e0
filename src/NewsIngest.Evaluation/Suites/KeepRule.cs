using System.Globalization;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// The team's rule for keeping an extraction change (issue 9): the macro average rises, no corpus falls by more than
/// <see cref="MaxDrop"/>, and leaving any one corpus out the macro average of the others does not fall, so a change
/// is never carried by one corpus at the cost of the rest.
/// </summary>
public static class KeepRule
{
    /// <summary>The most a corpus's headline score may fall.</summary>
    public const double MaxDrop = 0.002;

    /// <summary>Compares <paramref name="after"/> with <paramref name="before"/> on the corpora both have.</summary>
    public static KeepVerdict Judge(SuiteBaseline before, SuiteReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var now = SuiteBaseline.Of(after);
        var names = after.Names.Where(before.Scores.ContainsKey).ToList();
        var common = new SuiteBaseline(before.Scores.Where(s => names.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value));
        var current = new SuiteBaseline(now.Scores.Where(s => names.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value));

        var deltas = names.Select(n => new CorpusDelta(n, common.Scores[n], current.Scores[n], common.Macro(n), current.Macro(n))).ToList();
        var problems = new List<string>();
        var macroBefore = common.Macro();
        var macroAfter = current.Macro();
        if (Math.Round(macroAfter - macroBefore, 6) <= 0)
        {
            problems.Add(Format($"the macro average does not rise ({macroBefore:0.0000} → {macroAfter:0.0000})"));
        }

        // Rounded to the six decimals the JSON carries, so a baseline read back compares equal to itself.
        problems.AddRange(deltas
            .Where(d => Math.Round(d.Change, 6) < -MaxDrop)
            .Select(d => Format($"{d.Name} falls by {-d.Change:0.0000}")));
        problems.AddRange(deltas
            .Where(d => names.Count > 1 && Math.Round(d.MacroWithoutAfter - d.MacroWithoutBefore, 6) < 0)
            .Select(d => Format($"without {d.Name} the macro average falls ({d.MacroWithoutBefore:0.0000} → {d.MacroWithoutAfter:0.0000})")));
        return new KeepVerdict(problems.Count == 0, macroBefore, macroAfter, deltas, problems);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One corpus before and after a change, with the macro average of the other corpora before and after.</summary>
public sealed record CorpusDelta(string Name, double Before, double After, double MacroWithoutBefore, double MacroWithoutAfter)
{
    public double Change => After - Before;
}

/// <summary>Whether a change is kept, and why not when it is not.</summary>
public sealed record KeepVerdict(
    bool Keep, double MacroBefore, double MacroAfter, IReadOnlyList<CorpusDelta> Corpora, IReadOnlyList<string> Problems);
