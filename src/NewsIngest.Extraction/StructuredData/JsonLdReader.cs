using System.Globalization;
using System.Text.Json;

namespace NewsIngest.Extraction.StructuredData;

/// <summary>
/// Reads schema.org JSON-LD into <see cref="PageFacts"/>: <c>@graph</c>, top-level arrays, several scripts, string
/// booleans, <c>hasPart</c> objects or arrays, list-as-string selectors; broken JSON is repaired where cheap, else
/// skipped with a signal.
/// </summary>
internal static class JsonLdReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle", "AnalysisNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting", "Report",
        "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "SatiricalArticle", "AdvertiserContentArticle",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static void Read(string script, PageFacts facts)
    {
        if (JsonLdParser.Parse(script, Options) is not { } document)
        {
            facts.Signals.Add("ld:malformed");
            return;
        }

        using (document)
        {
            var articles = new List<JsonElement>();
            var others = new List<JsonElement>();
            Collect(document.RootElement, articles, others, depth: 0);
            foreach (var article in articles)
            {
                ReadArticle(article, facts);
            }

            foreach (var other in others)
            {
                ReadOther(other, facts);
            }
        }
    }

    private static void Collect(JsonElement element, List<JsonElement> articles, List<JsonElement> others, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, articles, others, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@graph", out var graph))
                {
                    Collect(graph, articles, others, depth + 1);
                }

                (IsArticle(element) ? articles : others).Add(element);
                if (element.TryGetProperty("mainEntity", out var main))
                {
                    Collect(main, articles, others, depth + 1);
                }

                break;
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private static void ReadArticle(JsonElement article, PageFacts facts)
    {
        foreach (var type in Strings(article, "@type"))
        {
            facts.Types.Add(type);
        }

        facts.Headline ??= FirstString(article, "headline") ?? FirstString(article, "name");
        facts.Description ??= FirstString(article, "description");
        facts.Section ??= FirstString(article, "articleSection");
        facts.PublishedAt ??= Date(FirstString(article, "datePublished") ?? FirstString(article, "dateCreated"));
        facts.ModifiedAt ??= Date(FirstString(article, "dateModified"));
        facts.Language ??= FirstString(article, "inLanguage");
        facts.ArticleBody ??= FirstString(article, "articleBody");
        facts.WordCount ??= Integer(article, "wordCount");
        if (facts.Authors.Count == 0)
        {
            facts.Authors.AddRange(Names(article, "author").Distinct(StringComparer.Ordinal));
        }

        if (article.TryGetProperty("publisher", out var publisher))
        {
            facts.SiteName ??= FirstString(publisher, "name");
        }

        if (facts.IsAccessibleForFree is null && Boolean(article, "isAccessibleForFree") is { } free)
        {
            facts.IsAccessibleForFree = free;
            facts.Signals.Add($"ld:isAccessibleForFree={(free ? "true" : "false")}");
        }

        ReadParts(article, facts);
    }

    private static void ReadOther(JsonElement element, PageFacts facts)
    {
        if (facts.IsAccessibleForFree is null && Boolean(element, "isAccessibleForFree") is { } free)
        {
            facts.IsAccessibleForFree = free;
            facts.Signals.Add($"ld:isAccessibleForFree={(free ? "true" : "false")}");
        }

        ReadParts(element, facts);
        if (Strings(element, "@type").Any(t => t.Equals("WebSite", StringComparison.OrdinalIgnoreCase) || t.Equals("Organization", StringComparison.OrdinalIgnoreCase) || t.Equals("NewsMediaOrganization", StringComparison.OrdinalIgnoreCase)))
        {
            facts.SiteName ??= FirstString(element, "name");
        }
    }

    private static void ReadParts(JsonElement element, PageFacts facts)
    {
        if (!element.TryGetProperty("hasPart", out var parts))
        {
            return;
        }

        foreach (var part in parts.ValueKind == JsonValueKind.Array ? parts.EnumerateArray().ToArray() : [parts])
        {
            if (part.ValueKind != JsonValueKind.Object || Boolean(part, "isAccessibleForFree") != false)
            {
                continue;
            }

            foreach (var raw in Strings(part, "cssSelector"))
            {
                // "['.post-content, .post-subheader__summary ul']" has been seen: a list written as a string.
                foreach (var selector in raw.Trim('[', ']').Split(','))
                {
                    var clean = selector.Trim().Trim('\'', '"').Trim();
                    if (clean.Length > 0 && !facts.GatedSelectors.Contains(clean))
                    {
                        facts.GatedSelectors.Add(clean);
                        facts.Signals.Add("ld:hasPart:" + clean);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString()!;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static string? FirstString(JsonElement element, string name) =>
        Strings(element, name).Select(s => s.Trim()).FirstOrDefault(s => s.Length > 0);

    private static IEnumerable<string> Names(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            yield break;
        }

        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => FirstString(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text) && !text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                yield return text.Trim();
            }
        }
    }

    private static bool? Boolean(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString()?.Trim(), out var parsed) => parsed,
            _ => null,
        };
    }

    private static int? Integer(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number > 0 ? number : null;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed)
            && parsed > 0 ? parsed : null;
    }

    public static DateTimeOffset? Date(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
