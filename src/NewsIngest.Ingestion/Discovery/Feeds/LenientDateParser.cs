using System.Globalization;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// Reads the dates real feeds and sitemaps carry: RFC 822/1123 with or without a day name, single-digit days,
/// two-digit years, named zones (GMT, EST, CET, …), numeric offsets with or without a colon, and ISO 8601 (also
/// inside RSS). Never throws; a date without a zone is taken as UTC.
/// </summary>
public static class LenientDateParser
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // Named zones seen in feeds. Ambiguous abbreviations take their most common reading.
    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["EST"] = -300,
        ["EDT"] = -240,
        ["CST"] = -360,
        ["CDT"] = -300,
        ["MST"] = -420,
        ["MDT"] = -360,
        ["PST"] = -480,
        ["PDT"] = -420,
        ["AKST"] = -540,
        ["AKDT"] = -480,
        ["HST"] = -600,
        ["CET"] = 60,
        ["CEST"] = 120,
        ["MET"] = 60,
        ["MEST"] = 120,
        ["WEST"] = 60,
        ["BST"] = 60,
        ["EET"] = 120,
        ["EEST"] = 180,
        ["MSK"] = 180,
        ["IST"] = 330,
        ["SGT"] = 480,
        ["HKT"] = 480,
        ["JST"] = 540,
        ["KST"] = 540,
        ["AEST"] = 600,
        ["AEDT"] = 660,
        ["NZST"] = 720,
        ["NZDT"] = 780,
    };

    /// <summary>The date in <paramref name="text"/>, or null when none can be read.</summary>
    public static DateTimeOffset? Parse(string? text) => TryParse(text, out var value) ? value : null;

    /// <summary>Reads a date leniently; false (and no exception) when <paramref name="text"/> holds none.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }

        var s = text.Trim();
        var parsed = LooksIso(s)
            ? TryIso(s, out value)
            : TryRfc822(s, out value) || TryIso(s, out value);
        return parsed && value.Year is >= 1970 and <= 2200;
    }

    private static bool LooksIso(string s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-';

    private static bool TryIso(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            s,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);

    private static bool TryRfc822(string s, out DateTimeOffset value)
    {
        value = default;
        int? day = null, month = null, year = null, offset = null;
        TimeSpan? time = null;
        foreach (var raw in s.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.TrimEnd('.');
            if (token.Length == 0)
            {
                continue;
            }

            if (token.Contains(':', StringComparison.Ordinal) && time is null && char.IsAsciiDigit(token[0]))
            {
                time = ParseTime(token, out var trailingZone);
                if (time is null)
                {
                    return false;
                }

                offset ??= trailingZone;
            }
            else if (token.Length > 0 && char.IsAsciiDigit(token[0]) && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (day is null && token.Length <= 2 && n is >= 1 and <= 31)
                {
                    day = n;
                }
                else if (year is null && (token.Length == 4 || token.Length == 2))
                {
                    year = token.Length == 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
                }
                else
                {
                    return false;
                }
            }
            else if (token[0] is '+' or '-')
            {
                offset = ParseOffset(token);
                if (offset is null)
                {
                    return false;
                }
            }
            else if (MonthOf(token) is { } m && month is null)
            {
                month = m;
            }
            else if (ZoneMinutes.TryGetValue(token, out var zone))
            {
                offset = zone;
            }
            else if (token.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) && token.Length > 3)
            {
                offset = ParseOffset(token[3..]);
            }
            // Anything else (a day name, a military zone letter, an unknown zone) is ignored: leniency over rejection.
        }

        if (day is null || month is null || year is null)
        {
            return false;
        }

        try
        {
            var local = new DateTime(year.Value, month.Value, day.Value, 0, 0, 0, DateTimeKind.Unspecified)
                + (time ?? TimeSpan.Zero);
            value = new DateTimeOffset(local, TimeSpan.FromMinutes(offset ?? 0));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // 31 February and friends.
        }
    }

    private static int? MonthOf(string token)
    {
        if (token.Length < 3 || !char.IsAsciiLetter(token[0]))
        {
            return null;
        }

        var index = Array.IndexOf(Months, token[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    private static TimeSpan? ParseTime(string token, out int? zone)
    {
        zone = null;
        // "10:00:00Z" or "10:00:00+01:00" glued to the time.
        var cut = token.IndexOfAny(['Z', 'z', '+', '-']);
        if (cut > 0)
        {
            zone = token[cut] is 'Z' or 'z' ? 0 : ParseOffset(token[cut..]);
            token = token[..cut];
        }

        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return null;
        }

        var sec = 0.0;
        if (parts.Length == 3 && !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out sec))
        {
            return null;
        }

        return h is >= 0 and <= 24 && m is >= 0 and < 60 && sec is >= 0 and < 61
            ? new TimeSpan(h, m, 0) + TimeSpan.FromSeconds(Math.Min(sec, 59.999))
            : null;
    }

    private static int? ParseOffset(string token)
    {
        var sign = token[0] == '-' ? -1 : 1;
        var digits = token.TrimStart('+', '-').Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is not (1 or 2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var (hours, minutes) = digits.Length <= 2 ? (n, 0) : (n / 100, n % 100);
        return hours <= 14 && minutes < 60 ? sign * (hours * 60 + minutes) : null;
    }
}
