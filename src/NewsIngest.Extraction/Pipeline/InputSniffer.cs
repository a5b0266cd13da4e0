namespace NewsIngest.Extraction.Pipeline;

/// <summary>Decides whether content is a page at all, and whether it is HTML or a text rendering.</summary>
internal static class InputSniffer
{
    private const int SniffChars = 8192;

    /// <summary>A one-line reason when the content cannot be a page, else null.</summary>
    public static string? Reject(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return "empty input: there is no page to extract";
        }

        // Judged by proportion, not presence: one stray NUL in an otherwise intact page is noise; a binary file (or
        // UTF-16 read as UTF-8) has NULs or undecodable bytes throughout.
        var head = content.AsSpan(0, Math.Min(content.Length, SniffChars));
        var nul = head.Count('\0');
        var control = 0;
        foreach (var c in head)
        {
            if ((c < ' ' && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        if (nul > head.Length / 100)
        {
            return "binary content (NUL bytes): not an HTML or text page";
        }

        return control > head.Length / 10
            ? "binary content (control characters or undecodable bytes): not an HTML or text page"
            : null;
    }

    /// <summary>
    /// HTML when the content opens with a tag or markup appears early in it, else text. A page may open with a style
    /// sheet or a script longer than the sniffed head; a text rendering does not open with a tag.
    /// </summary>
    public static InputFormat Detect(string content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, SniffChars));
        var start = head.TrimStart().TrimStart('\uFEFF');
        if (start.Length > 1 && start[0] == '<' && (char.IsAsciiLetter(start[1]) || start[1] == '!'))
        {
            return InputFormat.Html;
        }

        ReadOnlySpan<string> markers = ["<!doctype", "<html", "<body", "<head", "<div", "<p>", "<p ", "<article", "<meta", "<title", "<section", "<span", "<br", "<ul", "<li", "<h1", "<h2", "<a "];
        var tags = 0;
        foreach (var marker in markers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                tags++;
                if (marker is "<!doctype" or "<html" or "<body" or "<head")
                {
                    return InputFormat.Html;
                }
            }
        }

        return tags >= 2 ? InputFormat.Html : InputFormat.Text;
    }
}
