using AngleSharp.Html.Parser;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction.Parsing;

/// <summary>
/// Parses HTML with AngleSharp configured for speed: no scripting, no CSS engine, no source references. The parser
/// keeps no per-document state, so one instance serves every thread.
/// </summary>
internal sealed class HtmlParseStage : IExtractionStage
{
    /// <summary>
    /// Built at the first HTML page, not with the pipeline: AngleSharp's configuration and browsing context take some
    /// 11 ms of a cold start, which a text rendering (it never reaches this stage) does not need. Two threads racing
    /// on the first page may each build one; one is kept.
    /// </summary>
    private HtmlParser? _parser;

    private static HtmlParser CreateParser() => new(new HtmlParserOptions
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
    internal HtmlParser Parser => LazyInitializer.EnsureInitialized(ref _parser, CreateParser);

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
        context.Document = Parser.ParseDocument(html);
    }
}
