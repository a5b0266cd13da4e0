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
    private static readonly SearchValues<char> StableLatin = SearchValues.Create(
        Enumerable.Range(0, 0x300).Select(c => (char)c).Where(c => c.ToString().IsNormalized(NormalizationForm.FormKC)).ToArray());

    /// <summary>
    /// The ASCII characters that <see cref="Fold(string, Span{char})"/> changes other than by case: the backtick and
    /// every white space character but the plain space.
    /// </summary>
    private static readonly SearchValues<char> AsciiSpecial = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => c == '`' || (c != ' ' && char.IsWhiteSpace(c))).ToArray());

    /// <summary>What <see cref="Fold(string, Span{char})"/> drops before the first character it keeps.</summary>
    private static readonly SearchValues<char> AsciiLead = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => IsBullet(c) || char.IsWhiteSpace(c)).ToArray());

    public static string Normalize(string text)
    {
        // Most blocks are plain ASCII prose: folded with vectorised span operations, same result as the loop below.
        return Ascii.IsValid(text) && TryFoldAscii(text) is { } ascii ? ascii : NormalizeByLoop(text);
    }

    /// <summary>The general path: NFKC when needed, then the fold character by character.</summary>
    private static string NormalizeByLoop(string text)
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
    /// <see cref="Fold(string, Span{char})"/> for ASCII text without NUL or double spaces (collapsed block text, and
    /// blocks joined by line breaks): drop the leading bullets and white space, copy the runs between other white
    /// space and backticks lower-cased, fold each white space run into one space, drop a trailing space. Null for
    /// other text, which takes the character loop.
    /// </summary>
    private static string? TryFoldAscii(string text)
    {
        var start = text.AsSpan().IndexOfAnyExcept(AsciiLead);
        if (start < 0)
        {
            return "";
        }

        var rest = text.AsSpan(start);
        if (rest.Contains('\0') || rest.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        var special = rest.IndexOfAny(AsciiSpecial);
        if (special < 0)
        {
            // One run: the common case of a collapsed block.
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

        char[]? rented = null;
        Span<char> buffer = rest.Length <= StackChars
            ? stackalloc char[StackChars]
            : (rented = ArrayPool<char>.Shared.Rent(rest.Length));
        try
        {
            var length = 0;
            var space = false; // the first character kept is neither white space nor a bullet
            while (true)
            {
                var run = special < 0 ? rest : rest[..special];
                if (space && !run.IsEmpty && run[0] == ' ')
                {
                    run = run[1..];
                }

                if (!run.IsEmpty)
                {
                    Ascii.ToLower(run, buffer[length..], out var written);
                    length += written;
                    space = run[^1] == ' ';
                }

                if (special < 0)
                {
                    break;
                }

                if (rest[special] == '`')
                {
                    buffer[length++] = '\'';
                    space = false;
                }
                else if (!space)
                {
                    buffer[length++] = ' ';
                    space = true;
                }

                rest = rest[(special + 1)..];
                special = rest.IndexOfAny(AsciiSpecial);
            }

            if (length > 0 && buffer[length - 1] == ' ')
            {
                length--;
            }

            var result = buffer[..length];
            return result.SequenceEqual(text) ? text : new string(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int Fold(string folded, Span<char> output)
    {
        var length = 0;
        var space = true; // drops leading space
        var atStart = true;
        foreach (var raw in folded)
        {
            var c = Fold(raw);
            if (c == '\0')
            {
                continue;
            }

            if (atStart && IsBullet(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    output[length++] = ' ';
                    space = true;
                }

                continue;
            }

            atStart = false;
            output[length++] = char.IsAscii(c) ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
            space = false;
        }

        if (length > 0 && output[length - 1] == ' ')
        {
            length--;
        }

        return length;
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
