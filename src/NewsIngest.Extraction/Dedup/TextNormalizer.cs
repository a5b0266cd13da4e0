using System.Globalization;
using System.Text;

namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// Folds text so that copies compare equal: NFKC, case, white space and NBSP, curly and straight quotes, dashes,
/// bullet glyphs and list markers.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
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
                    builder.Append(' ');
                    space = true;
                }

                continue;
            }

            atStart = false;
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            space = false;
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
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
