using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Tests.Evaluation;

/// <summary>
/// A stand-in extractor with rules a test can predict: the preview is the text inside <c>&lt;article&gt;</c>, the dek
/// is the <c>&lt;h2 class=dek&gt;</c>; a page saying REJECT is rejected and a page saying CRASH throws.
/// </summary>
internal sealed partial class FakeExtractor
{
    /// <summary>The URL each page was extracted with, by its first <c>&lt;title&gt;</c>.</summary>
    public ConcurrentDictionary<string, Uri?> Urls { get; } = new();

    public ExtractionResult Extract(PageInput input)
    {
        Urls[Title().Match(input.Content).Groups[1].Value] = input.Url;
        if (input.Content.Contains("CRASH", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("fake extractor crashed");
        }

        if (input.Content.Contains("REJECT", StringComparison.Ordinal))
        {
            return ExtractionResult.Rejected("fake rejection");
        }

        var text = Tags().Replace(Article().Match(input.Content).Groups[1].Value, " ");
        var dek = Dek().Match(input.Content) is { Success: true } m ? m.Groups[1].Value : null;
        return ExtractionResult.Success(new ArticleRecord
        {
            Id = "fake",
            Dek = dek,
            Preview = new Preview { Text = text.Trim() },
            Paywall = new PaywallInfo(),
            Removed = new RemovedCounts(),
            ContentHash = "fake",
            Extractor = ExtractorInfo.Current,
        });
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("<article>(.*?)</article>", RegexOptions.Singleline)]
    private static partial Regex Article();

    [GeneratedRegex("<h2 class=dek>(.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex Dek();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
