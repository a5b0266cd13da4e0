namespace NewsIngest.Extraction.Tests.Support;

/// <summary>Shorthands for tests: extract a page and insist it produced a record.</summary>
internal static class Extract
{
    public static ArticleRecord Html(string html, string? url = null) =>
        Record(new PageInput(html, url is null ? null : new Uri(url), InputFormat.Html));

    public static ArticleRecord Text(string text) => Record(new PageInput(text, null, InputFormat.Text));

    public static ArticleRecord Record(PageInput input)
    {
        var result = ExtractionPipeline.Default.Extract(input);
        Assert.True(result.IsSuccess, result.Error);
        return result.Record;
    }

    /// <summary>Wraps body markup in a minimal page.</summary>
    public static string Page(string body, string head = "") =>
        $"<!doctype html><html lang=\"en\"><head><title>Test page</title>{head}</head><body>{body}</body></html>";

    public static string[] PreviewTexts(this ArticleRecord record) => record.Preview.Blocks.Select(b => b.Text).ToArray();
}
