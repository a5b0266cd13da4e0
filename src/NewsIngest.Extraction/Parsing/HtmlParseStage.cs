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

    /// <summary>Markup nested deeper than this is flattened before parsing (browsers cap nesting near 512 too).</summary>
    private const int MaxParseDepth = 1024;

    /// <summary>The parser this stage uses; the benchmark's parse baseline uses the same instance and options.</summary>
    internal HtmlParser Parser => _parser;

    public void Run(ExtractionContext context)
    {
        var html = NestingLimiter.Limit(context.Input.Content, Math.Max(MaxParseDepth, context.Options.MaxDomDepth), out var flattened);
        if (flattened)
        {
            context.AddSignal($"input:nesting-flattened-at={MaxParseDepth}");
        }

        html = AttributeLimiter.Limit(html, context.Options.MaxAttributesPerElement, out var cut);
        if (cut)
        {
            context.AddSignal($"input:attributes-cut-at={context.Options.MaxAttributesPerElement}");
        }

        context.Checkpoint();
        context.Document = _parser.ParseDocument(html);
    }
}
