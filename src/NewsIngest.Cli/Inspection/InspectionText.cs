using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsIngest.Cli.Inspection;

/// <summary>How the inspection commands print times and JSON.</summary>
public static class InspectionText
{
    /// <summary>
    /// camelCase, indented, nulls written (a shape's fields are always there); quotes and '+' as themselves, not
    /// escaped (the output goes to a terminal or a script, never into HTML).
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A time for a table: UTC, to the second, e.g. <c>2026-12-03 05:40:01Z</c>; "—" for none.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";

    /// <summary>A duration for a table: <c>0.4 s</c>, <c>12 min</c>.</summary>
    public static string Duration(TimeSpan value) => value.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0} min");

    /// <summary>Writes <paramref name="value"/> as indented JSON and a line break.</summary>
    public static async Task WriteJsonAsync<T>(TextWriter writer, T value, CancellationToken cancellationToken) =>
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Json).AsMemory(), cancellationToken);
}
