using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// One page of <c>samples/pages</c> and the file that says what extraction must give for it. HTML pages pair
/// <c>name.html</c> with <c>name.expected.json</c>; text renderings keep their extension so they can sit beside the
/// HTML of the same page (<c>name.txt</c> with <c>name.txt.expected.json</c>).
/// </summary>
internal sealed record SamplePage(string Name, string PagePath)
{
    public const string ExpectedSuffix = ".expected.json";

    public string ExpectedPath => Path.Combine(
        Path.GetDirectoryName(PagePath)!,
        (IsText ? Path.GetFileName(PagePath) : Path.GetFileNameWithoutExtension(PagePath)) + ExpectedSuffix);

    public bool IsText => PagePath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the page the way the ingestion layer does: bytes decoded by <see cref="PageDecoder"/>.</summary>
    public string ReadContent() => PageDecoder.Decode(File.ReadAllBytes(PagePath)).Text;

    /// <summary>Runs the page through the default pipeline with the format sniffed, as <c>newsingest extract</c> does.</summary>
    public ExtractionResult Extract() => ExtractionPipeline.Default.Extract(new PageInput(ReadContent(), null, InputFormat.Auto));

    /// <summary>The record of a page that must extract; fails the test with the pipeline's reason otherwise.</summary>
    public ArticleRecord ExtractRecord()
    {
        var result = Extract();
        Assert.True(result.IsSuccess, $"{Name}: extraction was rejected: {result.Error}");
        return result.Record!;
    }

    public override string ToString() => Name;
}
