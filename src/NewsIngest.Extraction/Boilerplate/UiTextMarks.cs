using System.Buffers;
using System.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The characters without which <see cref="UiText"/>'s counter and meta-line patterns cannot match, read in one pass
/// over a block's text: every counter and date needs a digit (<c>\d</c>, any Unicode decimal digit), a credit a
/// colon, slash or ©, a dateline a parenthesis, a wire-service tail "--" or a bracket and colon. None of these
/// characters has a case form, so the patterns that ignore case need them as written. A text without them is decided
/// without running the pattern; most short blocks ("Home", "Share on Facebook") hold none.
/// </summary>
internal readonly struct UiTextMarks
{
    private static readonly SearchValues<char> Signs = SearchValues.Create("0123456789:/©([-");

    private readonly Mark _marks;

    private UiTextMarks(Mark marks) => _marks = marks;

    public bool Digit => (_marks & Mark.Digit) != 0;

    /// <summary>A colon, slash or ©: what a picture credit ("Foto: dpa", "(REUTERS/Denis Balibouse)") needs.</summary>
    public bool CreditSign => (_marks & (Mark.Colon | Mark.Slash | Mark.Copyright)) != 0;

    public bool OpenParen => (_marks & Mark.OpenParen) != 0;

    public bool DoubleHyphen => (_marks & Mark.DoubleHyphen) != 0;

    /// <summary>A bracket and a colon: what a wire-service code list ("[TOPICS: M$U$$$]") needs.</summary>
    public bool BracketAndColon => (_marks & (Mark.OpenBracket | Mark.Colon)) == (Mark.OpenBracket | Mark.Colon);

    public static UiTextMarks Of(ReadOnlySpan<char> text)
    {
        var marks = Mark.None;
        var first = text.IndexOfAny(Signs);
        if (first >= 0)
        {
            for (var i = first; i < text.Length; i++)
            {
                marks |= text[i] switch
                {
                    >= '0' and <= '9' => Mark.Digit,
                    ':' => Mark.Colon,
                    '/' => Mark.Slash,
                    '©' => Mark.Copyright,
                    '(' => Mark.OpenParen,
                    '[' => Mark.OpenBracket,
                    '-' when i + 1 < text.Length && text[i + 1] == '-' => Mark.DoubleHyphen,
                    _ => Mark.None,
                };
            }
        }

        // Digits beyond ASCII (Arabic-Indic, Devanagari, full-width) are digits to \d as well.
        if ((marks & Mark.Digit) == 0 && !Ascii.IsValid(text))
        {
            foreach (var c in text)
            {
                if (c > '\u007f' && char.IsDigit(c))
                {
                    marks |= Mark.Digit;
                    break;
                }
            }
        }

        return new UiTextMarks(marks);
    }

    [Flags]
    private enum Mark
    {
        None = 0,
        Digit = 1,
        Colon = 2,
        Slash = 4,
        Copyright = 8,
        OpenParen = 16,
        OpenBracket = 32,
        DoubleHyphen = 64,
    }
}
