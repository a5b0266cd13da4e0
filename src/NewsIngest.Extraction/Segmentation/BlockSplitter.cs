namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Splits the raw text of one block element at line breaks where they carry structure: lines that start with a
/// bullet glyph become list items, blank lines separate paragraphs; other line breaks fold into spaces.
/// </summary>
internal static class BlockSplitter
{
    /// <summary>
    /// The blocks of <paramref name="raw"/>, each with the range of <paramref name="raw"/> it was cut from
    /// (<c>Start</c> inclusive, <c>End</c> exclusive), so what is measured on the raw text (link characters) can be
    /// given to the block that holds it.
    /// </summary>
    public static IEnumerable<(BlockType Type, string Text, int Start, int End)> Split(string raw, BlockType kind, int headingLevel)
    {
        var type = TypeOf(kind, headingLevel);
        if (!raw.Contains('\n'))
        {
            // The segmenter hands over text it already collapsed while appending; only fold it again when it is not.
            var single = TextMetrics.IsCollapsed(raw) ? raw.Trim() : TextMetrics.CollapseWhitespace(raw);
            if (single.Length > 0)
            {
                var (t, text) = Classify(single, type);
                yield return (t, text, 0, raw.Length);
            }

            yield break;
        }

        var lines = raw.Split('\n');
        var bulleted = lines.Any(l => StartsWithBullet(l.AsSpan().Trim()));
        var paragraph = new List<string>();
        int start = 0, end = 0, offset = 0;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            var breakHere = trimmed.Length == 0 || (bulleted && StartsWithBullet(trimmed));
            if (breakHere && paragraph.Count > 0)
            {
                var (t, text) = Classify(TextMetrics.CollapseWhitespace(string.Join(' ', paragraph)), type);
                yield return (t, text, start, end);
                paragraph.Clear();
            }

            if (trimmed.Length > 0)
            {
                if (paragraph.Count == 0)
                {
                    start = offset;
                }

                paragraph.Add(trimmed);
                end = offset + line.Length;
            }

            offset += line.Length + 1;
        }

        if (paragraph.Count > 0)
        {
            var (t, text) = Classify(TextMetrics.CollapseWhitespace(string.Join(' ', paragraph)), type);
            yield return (t, text, start, end);
        }
    }

    /// <summary>The type of the blocks cut from an element of <paramref name="kind"/> at a heading level (0: none).</summary>
    public static BlockType TypeOf(BlockType kind, int headingLevel) =>
        headingLevel > 0 && kind != BlockType.ListItem ? BlockType.Heading : kind;

    /// <summary>
    /// True when <see cref="Split"/> would return <paramref name="raw"/> as it is, as one block (or none when empty):
    /// one line, already collapsed, no trailing space. The caller can then skip the split and its copies.
    /// </summary>
    public static bool IsPlainLine(ReadOnlySpan<char> raw) =>
        !raw.Contains('\n') && TextMetrics.IsCollapsed(raw) && (raw.IsEmpty || raw[^1] != ' ');

    /// <summary>A text bullet ("• item") becomes a list item without its glyph.</summary>
    public static (BlockType Type, string Text) Classify(string text, BlockType type)
    {
        if (type != BlockType.Heading && StartsWithBullet(text))
        {
            return (BlockType.ListItem, text[1..].TrimStart());
        }

        return (type, text);
    }

    public static bool StartsWithBullet(ReadOnlySpan<char> text) =>
        text.Length > 1 && text[0] is '•' or '·' or '▪' or '●' or '◦' or '‣' or '∙' or '■' or '►' or '▸'
        && char.IsWhiteSpace(text[1]);
}
