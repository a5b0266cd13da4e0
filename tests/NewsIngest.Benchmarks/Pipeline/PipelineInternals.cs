using System.Reflection;
using AngleSharp.Html.Parser;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Parsing;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Benchmarks.Pipeline;

/// <summary>
/// Reaches into the default pipeline for what the benchmarks must share with it: the HTML stage list and the very
/// <see cref="HtmlParser"/> instance the parse stage uses, so the parse baseline can never drift from the pipeline's
/// parser options. Reflection is confined here; an internal accessor on the pipeline would replace it (see
/// docs/benchmarks.md).
/// </summary>
internal static class PipelineInternals
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    /// <summary>The HTML stages of <see cref="ExtractionPipeline.Default"/>, in run order.</summary>
    public static IReadOnlyList<IExtractionStage> HtmlStages { get; } = ReadHtmlStages();

    /// <summary>The parser owned by the default pipeline's <see cref="HtmlParseStage"/>.</summary>
    public static HtmlParser Parser { get; } = ReadParser();

    private static IReadOnlyList<IExtractionStage> ReadHtmlStages()
    {
        var field = typeof(ExtractionPipeline).GetField("_htmlStages", Instance)
            ?? throw new InvalidOperationException("ExtractionPipeline has no _htmlStages field any more: update PipelineInternals");
        return (IReadOnlyList<IExtractionStage>)field.GetValue(ExtractionPipeline.Default)!;
    }

    private static HtmlParser ReadParser()
    {
        var stage = HtmlStages.OfType<HtmlParseStage>().FirstOrDefault()
            ?? throw new InvalidOperationException("the default HTML pipeline has no HtmlParseStage");
        // Found by type, not name, so a renamed field still works.
        var field = typeof(HtmlParseStage).GetFields(Instance).FirstOrDefault(f => f.FieldType == typeof(HtmlParser))
            ?? throw new InvalidOperationException("HtmlParseStage holds no HtmlParser field any more: update PipelineInternals");
        return (HtmlParser)field.GetValue(stage)!;
    }
}
