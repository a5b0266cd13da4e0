namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The parts of a style sheet <see cref="StyleSheetScanner"/> leaves out, found in one pass each: comments
/// (<c>/\*.*?\*/</c>, dot matching newlines) and @-blocks with one level of nested rules
/// (<c>@[a-z-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}</c>, ignoring case). Each gives the matches those patterns gave,
/// leftmost first, without a regex: a backtracking engine retries an unclosed comment or block from every later
/// <c>/*</c> or <c>@</c> (quadratic), and a later start can only fail where an earlier one in the same run failed.
/// </summary>
internal static class CssCuts
{
    /// <summary>Finds the next cut at or after <paramref name="from"/>: its start and end (exclusive).</summary>
    public delegate bool Finder(ReadOnlySpan<char> text, int from, out int start, out int end);

    /// <summary>The next comment. One that is never closed ends the search: no later one can be closed either.</summary>
    public static bool NextComment(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        (start, end) = (-1, -1);
        var open = text[from..].IndexOf("/*");
        if (open < 0)
        {
            return false;
        }

        open += from;
        var close = text[(open + 2)..].IndexOf("*/");
        if (close < 0)
        {
            return false;
        }

        (start, end) = (open, open + 2 + close + 2);
        return true;
    }

    /// <summary>The next @-block: a name, a prelude up to its '{', then rules of one level and the closing '}'.</summary>
    public static bool NextAtBlock(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        (start, end) = (-1, -1);
        var at = from;
        while (at < text.Length)
        {
            var sign = text[at..].IndexOf('@');
            if (sign < 0)
            {
                return false;
            }

            sign += at;
            if (sign + 1 >= text.Length || !IsNameChar(text[sign + 1]))
            {
                at = sign + 1;
                continue;
            }

            // The prelude runs to the first '{' or ';': every '@' before that stop shares it, and what follows it.
            var stop = text[(sign + 1)..].IndexOfAny('{', ';');
            if (stop < 0)
            {
                return false;
            }

            stop += sign + 1;
            if (text[stop] == ';')
            {
                at = stop + 1;
                continue;
            }

            if (BlockEnd(text, stop + 1) is var close and >= 0)
            {
                (start, end) = (sign, close + 1);
                return true;
            }

            at = stop + 1;
        }

        return false;
    }

    // After the block's '{': "{...}" rules while the next brace opens one, then the '}' that closes the block; -1
    // when a rule holds a '{' or the text ends first.
    private static int BlockEnd(ReadOnlySpan<char> text, int at)
    {
        while (true)
        {
            var brace = text[at..].IndexOfAny('{', '}');
            if (brace < 0)
            {
                return -1;
            }

            brace += at;
            if (text[brace] == '}')
            {
                return brace;
            }

            var ruleEnd = text[(brace + 1)..].IndexOfAny('{', '}');
            if (ruleEnd < 0 || text[brace + 1 + ruleEnd] == '{')
            {
                return -1;
            }

            at = brace + 1 + ruleEnd + 1;
        }
    }

    // [a-z-] ignoring case, as the regex engine folds it: the Kelvin sign is a 'k'.
    private static bool IsNameChar(char c) => char.IsAsciiLetter(c) || c is '-' or '\u212A';
}
