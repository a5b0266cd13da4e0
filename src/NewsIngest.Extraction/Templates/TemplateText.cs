using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsIngest.Extraction.Templates;

/// <summary>
/// Folds a block's text for the site template: lower case, every digit 0, and every run of punctuation, symbols and
/// white space one space, so "Updated 3 March 2026 – 10:41" and "updated 4 march 2026, 09:12" fold alike.
/// </summary>
internal static class TemplateText
{
    private const int StackChars = 512;

    /// <summary>The XxHash64 of <paramref name="text"/> folded, seeded by <paramref name="seed"/>.</summary>
    public static ulong Hash(string text, ulong seed)
    {
        char[]? rented = null;
        var buffer = text.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = Fold(text, buffer);
            return XxHash64.HashToUInt64(MemoryMarshal.AsBytes(buffer[..length]), (long)seed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The folded text, for tests and for the kept texts a source names.</summary>
    public static string Fold(string text)
    {
        var buffer = new char[text.Length];
        return new string(buffer, 0, Fold(text, buffer));
    }

    private static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                // ASCII, most of a page's text: the same classes as below without the Unicode tables.
                var lower = (char)(c | 0x20);
                var kept = lower is >= 'a' and <= 'z' ? lower : char.IsAsciiDigit(c) ? '0' : '\0';
                if (kept == '\0')
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace && length > 0)
                {
                    into[length++] = ' ';
                }

                pendingSpace = false;
                into[length++] = kept;
            }
            else if (char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                if (pendingSpace && length > 0)
                {
                    into[length++] = ' ';
                }

                pendingSpace = false;
                into[length++] = char.ToLowerInvariant(c);
            }
            else if (char.IsDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    into[length++] = ' ';
                }

                pendingSpace = false;
                into[length++] = '0';
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length;
    }
}
