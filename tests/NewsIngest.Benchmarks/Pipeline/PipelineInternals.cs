using AngleSharp.Html.Parser;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Parsing;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Benchmarks.Pipeline;

/// <summary>
/// What the benchmarks must share with the default pipeline: the HTML stage list and the very
/// <see cref="HtmlParser"/> instance the parse stage uses, so the parse baseline can never drift from the pipeline's
/// parser options. Read through internal accessors (the project is a friend assembly of the extraction core).
/// </summary>
internal static class PipelineInternals
{
    /// <summary>The HTML stages of <see cref="ExtractionPipeline.Default"/>, in run order.</summary>
    public static IReadOnlyList<IExtractionStage> HtmlStages => ExtractionPipeline.Default.HtmlStages;

    /// <summary>The parser owned by the default pipeline's <see cref="HtmlParseStage"/>.</summary>
    public static HtmlParser Parser { get; } = HtmlStages.OfType<HtmlParseStage>().FirstOrDefault()?.Parser
        ?? throw new InvalidOperationException("the default HTML pipeline has no HtmlParseStage");
}
