using System.Buffers;
using System.Text;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>Word counts and whitespace folding, shared by every stage so counts agree.</summary>
internal static class TextMetrics
{
    /// <summary>Counts words as runs of letters or digits; CJK text counts one word per two characters.</summary>
    public static int CountWords(ReadOnlySpan<char> text) => WordRunCounter.Count(text);

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Collapses every run of white space (including NBSP) to one space and trims.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var length = AppendCollapsed(buffer, 0, text);
        var result = new string(buffer.AsSpan(0, length).Trim());
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    /// <summary>
    /// True when <see cref="AppendCollapsed"/> would copy <paramref name="text"/> unchanged: no leading white space,
    /// and white space only as single plain spaces. Then <see cref="CollapseWhitespace"/> is just a trim.
    /// </summary>
    public static bool IsCollapsed(ReadOnlySpan<char> text) =>
        text.IsEmpty
        || (!Spaces.Contains(text[0]) && !text.ContainsAny(SpacesButPlain) && !text.Contains("  ", StringComparison.Ordinal));

    /// <summary>
    /// Appends <paramref name="text"/> with white space collapsed after the first <paramref name="length"/> characters
    /// of <paramref name="destination"/>, continuing any trailing space there; returns the new length. Leading white
    /// space is dropped when nothing precedes it. The destination needs room for <paramref name="text"/>'s length.
    /// </summary>
    public static int AppendCollapsed(Span<char> destination, int length, ReadOnlySpan<char> text)
    {
        var pendingSpace = length > 0 && destination[length - 1] == ' ';
        while (!text.IsEmpty)
        {
            // Copy whole runs between spaces at once (vectorised search) rather than one character at a time.
            var space = text.IndexOfAny(Spaces);
            if (space < 0)
            {
                text.CopyTo(destination[length..]);
                return length + text.Length;
            }

            if (space > 0)
            {
                text[..space].CopyTo(destination[length..]);
                length += space;
                pendingSpace = false;
            }

            if (!pendingSpace && length > 0)
            {
                destination[length++] = ' ';
                pendingSpace = true;
            }

            // Step over the whole run of spaces here: indentation between tags is mostly such runs, and a search per
            // space costs more than this loop.
            space++;
            while (space < text.Length && Spaces.Contains(text[space]))
            {
                space++;
            }

            text = text[space..];
        }

        return length;
    }

    /// <summary>Every character <see cref="AppendCollapsed"/> folds: white space, zero-width space and BOM.</summary>
    private static readonly SearchValues<char> Spaces = SearchValues.Create(FoldedSpaces());

    /// <summary>The same without the plain space: collapsed text holds none of them.</summary>
    private static readonly SearchValues<char> SpacesButPlain = SearchValues.Create(FoldedSpaces().Replace(" ", "", StringComparison.Ordinal));

    private static string FoldedSpaces()
    {
        var spaces = new StringBuilder();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                spaces.Append(c);
            }
        }

        return spaces.ToString();
    }
}
