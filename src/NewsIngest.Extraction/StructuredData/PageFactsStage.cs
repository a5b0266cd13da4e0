using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.StructuredData;

/// <summary>
/// Reads what the page says about itself: JSON-LD (head and body), OpenGraph and <c>article:*</c> meta (by
/// <c>property</c>, <c>name</c> or <c>itemprop</c>), the canonical link, the title and the document language.
/// JSON-LD is read first, so it wins over meta tags.
/// </summary>
internal sealed class PageFactsStage : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        var document = context.Document;
        if (document is null)
        {
            return;
        }

        var facts = context.Facts;
        var metas = new List<IElement>();
        foreach (var parent in new[] { document.Head, document.Body })
        {
            if (parent is null)
            {
                continue;
            }

            foreach (var child in parent.Children)
            {
                switch (child.LocalName)
                {
                    case "script" when parent == document.Head
                        && child.GetAttribute("type")?.Contains("ld+json", StringComparison.OrdinalIgnoreCase) == true:
                        context.JsonLdScripts.Insert(0, DomSegmenter.TextOf(child));
                        break;
                    case "meta":
                        metas.Add(child);
                        break;
                    case "link" when child.GetAttribute("rel")?.Contains("canonical", StringComparison.OrdinalIgnoreCase) == true:
                        facts.CanonicalUrl ??= Resolve(child.GetAttribute("href"), context.Input.Url);
                        break;
                    case "title":
                        facts.HtmlTitle ??= TextMetrics.CollapseWhitespace(DomSegmenter.TextOf(child));
                        break;
                }
            }
        }

        foreach (var script in context.JsonLdScripts)
        {
            if (script.Length <= context.Options.MaxJsonLdChars)
            {
                JsonLdReader.Read(script, facts);
            }
        }

        foreach (var meta in metas)
        {
            MetaReader.Read(meta, facts, context.Input.Url);
        }

        facts.Language ??= document.DocumentElement.GetAttribute("lang") ?? document.DocumentElement.GetAttribute("xml:lang");
        facts.Language = NormalizeLanguage(facts.Language);
    }

    public static string? Resolve(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, href.Trim(), out var resolved) ? resolved.AbsoluteUri : null;
    }

    private static string? NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var primary = language.Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetter) ? primary : null;
    }
}
