namespace NewsIngest.Extraction.Text;

/// <summary>
/// Replaces unpaired UTF-16 surrogates and the noncharacters U+FFFE and U+FFFF with U+FFFD. They reach the extractor from bytes declared UTF-16 that are not,
/// from a page cut in the middle of a pair, or from any caller's string, and Unicode normalization throws on them.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>The text with every unpaired surrogate and noncharacter replaced; the same string when there is none.</summary>
    public static string Repair(string text)
    {
        var surrogate = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        var nonCharacter = text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF');
        if (surrogate < 0 && nonCharacter < 0)
        {
            return text;
        }

        var first = surrogate < 0 ? nonCharacter : nonCharacter < 0 ? surrogate : Math.Min(surrogate, nonCharacter);

        char[]? copy = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\uFFFE' or '\uFFFF')
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
                continue;
            }

            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            copy ??= text.ToCharArray();
            copy[i] = '\uFFFD';
        }

        return copy is null ? text : new string(copy);
    }
}
