using AngleSharp.Html.Parser;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction.Parsing;

/// <summary>
/// Parses HTML with AngleSharp configured for speed: no scripting, no CSS engine, no source references. The parser
/// keeps no per-document state, so one instance serves every thread.
/// </summary>
internal sealed class HtmlParseStage : IExtractionStage
{
    private readonly HtmlParser _parser = new(new HtmlParserOptions
    {
        IsKeepingSourceReferences = false,
        IsScripting = false,
        IsSupportingProcessingInstructions = false,
        IsEmbedded = false,
        SkipComments = true,
        SkipDataText = false,
        SkipScriptText = false,
        SkipRawText = false,
        SkipRCDataText = false,
        SkipPlaintext = false,
        SkipCDATA = true,
    });

    public void Run(ExtractionContext context) => context.Document = _parser.ParseDocument(context.Input.Content);
}
