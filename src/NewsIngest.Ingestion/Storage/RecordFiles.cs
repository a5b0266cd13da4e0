using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Names of the output files: <c>{prefix}-{yyyy-MM-dd}-{nnn}.jsonl</c>, so name order is write order (by day, then
/// by the size rotation counter).
/// </summary>
public static partial class RecordFiles
{
    /// <summary>The extension of record files; torn tails moved aside get another suffix so readers skip them.</summary>
    public const string Extension = ".jsonl";

    /// <summary>The file for <paramref name="day"/> and rotation <paramref name="index"/>.</summary>
    public static string Name(string prefix, DateOnly day, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{day:yyyy-MM-dd}-{index:000}{Extension}");

    /// <summary>The record files in <paramref name="directory"/>, oldest first (name order).</summary>
    public static IReadOnlyList<string> List(string directory, string prefix) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, $"{prefix}-*{Extension}")
                .Where(f => TryParse(Path.GetFileName(f), prefix, out _, out _))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>
    /// The record files of every writer in <paramref name="directory"/>: this prefix's own and those of the workers
    /// sharing a PostgreSQL state (<c>{prefix}-{worker}-{yyyy-MM-dd}-{nnn}.jsonl</c>), in name order. For readers
    /// (<c>show</c>); a writer and its recovery keep to their own prefix.
    /// </summary>
    public static IReadOnlyList<string> ListAll(string directory, string prefix) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, $"{prefix}-*{Extension}")
                .Where(f => AnyWriter().IsMatch(Path.GetFileName(f)[(prefix.Length + 1)..]))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Reads the day and index back from a file name.</summary>
    public static bool TryParse(string fileName, string prefix, out DateOnly day, out int index)
    {
        day = default;
        index = 0;
        if (!fileName.StartsWith(prefix + "-", StringComparison.Ordinal))
        {
            return false;
        }

        var match = Suffix().Match(fileName[(prefix.Length + 1)..]);
        return match.Success
            && DateOnly.TryParseExact(match.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})-(?<index>\d{3,})\.jsonl$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^(?:[A-Za-z0-9._-]{1,64}-)?\d{4}-\d{2}-\d{2}-\d{3,}\.jsonl$")]
    private static partial Regex AnyWriter();
}
