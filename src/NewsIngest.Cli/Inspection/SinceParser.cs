using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// Reads <c>--since</c>: an ISO 8601 time (<c>2026-12-03T05:00:00Z</c>; no offset means UTC) or an age back from now
/// (<c>90m</c>, <c>2h</c>, <c>1d</c>, <c>01:30:00</c>).
/// </summary>
public static partial class SinceParser
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        var trimmed = text.Trim();
        var match = Age().Match(trimmed);
        if (match.Success)
        {
            var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            since = now - (match.Groups["u"].Value switch
            {
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            });
            return true;
        }

        if (!trimmed.Contains('-', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var age) && age >= TimeSpan.Zero)
        {
            since = now - age;
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[smhd])$")]
    private static partial Regex Age();
}
