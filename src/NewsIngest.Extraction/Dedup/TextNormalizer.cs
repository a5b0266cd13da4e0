using System.Buffers;
using System.Text;

namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// Folds text so that copies compare equal: NFKC, case, white space and NBSP, curly and straight quotes, dashes,
/// bullet glyphs and list markers.
/// </summary>
internal static class TextNormalizer
{
    private const int StackChars = 256;

    /// <summary>
    /// The characters below U+0300 that NFKC leaves alone (all but NBSP, ², ¼, ﬀ-like ligatures ĳ, ŀ, modifier letters,
    /// spacing diacritics...). Below U+0300 every character is a starter and none is the second of a composition pair,
    /// so a text made only of these is NFKC as it stands.
    /// </summary>
    private static readonly SearchValues<char> StableLatin = SearchValues.Create(CharsBelow(0x300, c => c.ToString().IsNormalized(NormalizationForm.FormKC)));

    /// <summary>
    /// The ASCII characters that <see cref="Fold(string, Span{char})"/> only lower-cases: all but the backtick, NUL and
    /// the white space other than the plain space. Runs of them are copied with vectorised operations.
    /// </summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        CharsBelow(0x80, c => c is not ('`' or '\0') && (c == ' ' || !char.IsWhiteSpace(c))));

    /// <summary>What <see cref="Fold(string, Span{char})"/> drops before the first character it keeps.</summary>
    private static readonly SearchValues<char> AsciiLead = SearchValues.Create(CharsBelow(0x80, c => IsBullet(c) || char.IsWhiteSpace(c)));

    /// <summary>
    /// The characters below <paramref name="end"/> that <paramref name="keep"/> accepts, in order. A loop, not LINQ:
    /// Enumerable.Range(...).Select(c => (char)c) was JIT-compiled at every start.
    /// </summary>
    private static string CharsBelow(int end, Func<char, bool> keep)
    {
        var chars = new StringBuilder(end);
        for (var c = '\0'; c < end; c++)
        {
            if (keep(c))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    public static string Normalize(string text)
    {
        // Most blocks are collapsed ASCII: one vectorised copy (or none), the same result as the general path below.
        return TryFoldAscii(text) ?? NormalizeGeneral(text);
    }

    /// <summary>The general path: NFKC when needed, then the fold, by runs of plain ASCII and character by character.</summary>
    private static string NormalizeGeneral(string text)
    {
        // ASCII, and Latin text made of characters that are NFKC on their own, is already NFKC: skip the ICU round trip.
        var folded = !text.AsSpan().ContainsAnyExcept(StableLatin) || text.IsNormalized(NormalizationForm.FormKC)
            ? text
            : text.Normalize(NormalizationForm.FormKC);

        // Every input character gives at most one output character, so a buffer of the input's length suffices.
        char[]? rented = null;
        Span<char> buffer = folded.Length <= StackChars
            ? stackalloc char[StackChars]
            : (rented = ArrayPool<char>.Shared.Rent(folded.Length));
        try
        {
            var length = Fold(folded, buffer);
            var result = buffer[..length];

            // Text that is already normalized comes back as the same string, without a copy.
            return result.SequenceEqual(folded) ? folded : new string(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// <see cref="Fold(string, Span{char})"/> for a collapsed ASCII block (white space only as single plain spaces, no
    /// backtick or NUL): drop the leading bullets and spaces and one trailing space, lower-case the rest, in one
    /// vectorised copy or none. Null for other text.
    /// </summary>
    private static string? TryFoldAscii(string text)
    {
        var start = text.AsSpan().IndexOfAnyExcept(AsciiLead);
        if (start < 0)
        {
            return "";
        }

        var rest = text.AsSpan(start);
        if (rest.ContainsAnyExcept(PlainAscii) || rest.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        if (rest[^1] == ' ')
        {
            rest = rest[..^1];
        }

        if (!rest.ContainsAnyInRange('A', 'Z'))
        {
            return rest.Length == text.Length ? text : new string(rest);
        }

        // ASCII in, ASCII out: the lower-casing cannot fail.
        return string.Create(rest.Length, (text, start), static (destination, source) =>
            Ascii.ToLower(source.text.AsSpan(source.start, destination.Length), destination, out _));
    }

    private static int Fold(string folded, Span<char> output)
    {
        var length = 0;
        var space = true; // drops leading space
        var atStart = true;
        var text = folded.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            if (atStart || !PlainAscii.Contains(text[i]))
            {
                FoldChar(text[i++], output, ref length, ref space, ref atStart);
                continue;
            }

            // A run of plain ASCII (letters, digits, punctuation, plain spaces) is lower-cased in one copy; leading spaces
            // after a space are dropped, and a run with a double space takes the character path.
            var end = text[i..].IndexOfAnyExcept(PlainAscii);
            var run = end < 0 ? text[i..] : text.Slice(i, end);
            i += run.Length;
            if (space)
            {
                run = run.TrimStart(' ');
            }

            if (run.IsEmpty)
            {
                continue;
            }

            if (run.Contains("  ", StringComparison.Ordinal))
            {
                foreach (var c in run)
                {
                    FoldChar(c, output, ref length, ref space, ref atStart);
                }

                continue;
            }

            Ascii.ToLower(run, output[length..], out var written);
            length += written;
            space = run[^1] == ' ';
        }

        if (length > 0 && output[length - 1] == ' ')
        {
            length--;
        }

        return length;
    }

    private static void FoldChar(char raw, Span<char> output, ref int length, ref bool space, ref bool atStart)
    {
        var c = Fold(raw);
        if (c == '\0' || (atStart && IsBullet(c)))
        {
            return;
        }

        if (char.IsWhiteSpace(c))
        {
            if (!space)
            {
                output[length++] = ' ';
                space = true;
            }

            return;
        }

        atStart = false;
        output[length++] = char.IsAscii(c) ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        space = false;
    }

    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' => '\0',
        _ => c,
    };

    private static bool IsBullet(char c) => c is '•' or '·' or '◦' or '▪' or '●' or '‣' or '∙' or '-' or '*' or '–';
}
