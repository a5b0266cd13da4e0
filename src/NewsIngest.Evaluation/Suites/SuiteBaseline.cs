using System.Text.Json;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// The headline scores of an earlier suite run, read back from its <c>eval --suite --json</c> output, to compare a
/// change against (<see cref="KeepRule"/>).
/// </summary>
/// <param name="Scores">Each corpus's headline score, by corpus name.</param>
public sealed record SuiteBaseline(IReadOnlyDictionary<string, double> Scores)
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="error"/> says why it is not a suite report.</summary>
    public static SuiteBaseline? Read(string path, out string? error)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            if (!json.RootElement.TryGetProperty("corpora", out var corpora) || corpora.ValueKind != JsonValueKind.Array)
            {
                error = $"baseline '{path}' is not an 'eval --suite --json' report (no \"corpora\" array)";
                return null;
            }

            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var corpus in corpora.EnumerateArray())
            {
                if (!corpus.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !corpus.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number)
                {
                    error = $"baseline '{path}': every corpus needs a \"name\" and a \"score\"";
                    return null;
                }

                scores[name.GetString()!] = score.GetDouble();
            }

            error = null;
            return new SuiteBaseline(scores);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            error = $"cannot read baseline '{path}': {ex.Message}";
            return null;
        }
    }

    /// <summary>The baseline of a report just made (for tests and for chaining steps).</summary>
    public static SuiteBaseline Of(SuiteReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SuiteBaseline(report.Corpora.ToDictionary(SuiteReport.NameOf, c => c.Score, StringComparer.Ordinal));
    }

    /// <summary>The mean of the scores, leaving out <paramref name="without"/> when given.</summary>
    public double Macro(string? without = null)
    {
        var rest = Scores.Where(s => s.Key != without).Select(s => s.Value).ToList();
        return rest.Count == 0 ? 0 : rest.Average();
    }
}
