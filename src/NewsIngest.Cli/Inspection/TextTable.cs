using System.Globalization;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// A plain-text table with aligned columns: a header row, then rows; columns marked numeric are right-aligned.
/// Cells are folded to one line so a reason with a line break cannot break the layout. Headers all empty: no header
/// row (a key/value list).
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _numeric = [];

    /// <summary>Right-aligns the columns at <paramref name="columns"/>.</summary>
    public TextTable Numeric(params int[] columns)
    {
        _numeric.UnionWith(columns);
        return this;
    }

    public void Add(params object?[] cells) =>
        _rows.Add([.. cells.Select(c => ErrorText.OneLine(Convert.ToString(c, CultureInfo.InvariantCulture) ?? "—"))]);

    public int Count => _rows.Count;

    /// <summary>Writes the table, two spaces between columns, no trailing blanks.</summary>
    public async Task WriteAsync(TextWriter writer, CancellationToken cancellationToken)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var rows = headers.All(h => h.Length == 0) ? _rows : _rows.Prepend(headers);
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => _numeric.Contains(i) && !ReferenceEquals(row, headers)
                ? cell.PadLeft(widths[i])
                : cell.PadRight(widths[i]));
            await writer.WriteLineAsync(string.Join("  ", cells).TrimEnd().AsMemory(), cancellationToken);
        }
    }
}
