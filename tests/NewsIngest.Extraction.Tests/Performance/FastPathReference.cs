using System.Globalization;
using System.Text;

namespace NewsIngest.Extraction.Tests.Performance;

/// <summary>
/// The text folds as they were written before the performance work (char by char, StringBuilder): the oracle that the
/// fast paths must agree with on every input.
/// </summary>
internal static class FastPathReference
{
    public static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var space = true;
        var atStart = true;
        foreach (var raw in folded)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u00A0' or '\u2007' or '\u202F' => ' ',
                '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' => '\0',
                _ => raw,
            };
            if (c == '\0' || (atStart && c is '•' or '·' or '◦' or '▪' or '●' or '‣' or '∙' or '-' or '*' or '–'))
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

    public static void AppendCollapsed(StringBuilder builder, string text)
    {
        var pendingSpace = builder.Length > 0 && builder[^1] == ' ';
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                if (!pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                    pendingSpace = true;
                }
            }
            else
            {
                builder.Append(c);
                pendingSpace = false;
            }
        }
    }
}
