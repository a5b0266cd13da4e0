using System.Text.Json;

namespace NewsIngest.Extraction.StructuredData;

/// <summary>
/// Parses the text of one JSON-LD script, repairing the common breakage (HTML comment wrappers, CDATA markers, raw
/// control characters in strings) without throwing on the common cases; null when the text cannot be read.
/// </summary>
internal static class JsonLdParser
{
    /// <summary>The parsed document (the caller disposes it), or null when the script is not JSON even after repair.</summary>
    public static JsonDocument? Parse(string script, JsonDocumentOptions options)
    {
        var text = script.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            text = text[4..].TrimEnd('-', '>', ' ', '\n', '\r', '\t');
        }

        text = text.Replace("//<![CDATA[", "", StringComparison.Ordinal).Replace("//]]>", "", StringComparison.Ordinal);

        // No JSON value starts with '<' and the clean-up below keeps it, so both parses would throw: a script still
        // wrapped in markup ("<![CDATA[" without the "//", seen on 10 of 87 corpus scripts) is given up at once.
        if (text.Length == 0 || text[0] == '<')
        {
            return null;
        }

        // Raw control characters inside strings are the most common breakage (research §1.1). The parser is certain
        // to reject them, so go straight to the cleaned text instead of paying for a thrown JsonException first.
        if (!HasRawControlInString(text))
        {
            try
            {
                return JsonDocument.Parse(text, options);
            }
            catch (JsonException)
            {
                // Other breakage: the clean-up below may still rescue it.
            }
        }

        var cleaned = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < ' ' ? ' ' : source[i];
            }
        });
        try
        {
            return JsonDocument.Parse(cleaned, options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when a character below U+0020 sits inside a JSON string, which no JSON parser accepts. Strings are
    /// tracked by the JSON grammar (a quote opens, a backslash escapes the next character, a quote closes); at a
    /// comment outside a string the scan gives up and answers false, so a true answer is never wrong.
    /// </summary>
    private static bool HasRawControlInString(string text)
    {
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                else if (c < ' ')
                {
                    return true;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '/')
            {
                return false;
            }
        }

        return false;
    }
}
