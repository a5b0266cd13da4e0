using NewsIngest.Extraction.Boilerplate;
using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Metadata;
using NewsIngest.Extraction.Parsing;
using NewsIngest.Extraction.Paywall;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.StructuredData;
using NewsIngest.Extraction.Templates;

namespace NewsIngest.Extraction;

/// <summary>Builds an immutable <see cref="ExtractionPipeline"/> from options.</summary>
public sealed class ExtractionPipelineBuilder
{
    private ExtractionOptions _options = new();
    private TimeProvider _time = TimeProvider.System;
    private readonly List<IExtractionStage> _extra = [];

    /// <summary>Replaces the options (limits and switches).</summary>
    public ExtractionPipelineBuilder WithOptions(ExtractionOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>The clock the per-page deadline (<see cref="ExtractionOptions.MaxPageTime"/>) runs on.</summary>
    public ExtractionPipelineBuilder WithTimeProvider(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        return this;
    }

    /// <summary>Adds a stage after the built-in ones (tests use it to make a moment explicit).</summary>
    internal ExtractionPipelineBuilder WithExtraStage(IExtractionStage stage)
    {
        _extra.Add(stage);
        return this;
    }

    public ExtractionPipeline Build()
    {
        // HTML: parse → segment → structured data → classify → locate body → article tail → headline → appended stories → dek → gated parts → wall →
        // dedupe → leftovers → site template (when the input carries one) → settle → verdict. Text renderings skip the DOM-only stages.
        IExtractionStage[] html =
        [
            new HtmlParseStage(), new DomSegmenter(), new PageFactsStage(), new HiddenArticleStage(), new BoilerplateStage(),
            new MainContentLocator(), new ArticleTailStage(), new HeadlineStage(), new AppendedStoryStage(), new DekStage(), new GatedPartStage(), new WallLocator(),
            new Deduplicator(), new LeftoverStage(), new SiteTemplateStage(), new FinishStage(), new PaywallVerdictStage(),
        ];
        IExtractionStage[] text =
        [
            new TextSegmenter(), new BoilerplateStage(), new HeadlineStage(), new DekStage(), new WallLocator(), new Deduplicator(),
            new SiteTemplateStage(), new FinishStage(), new PaywallVerdictStage(),
        ];
        return new ExtractionPipeline(_options, _time, [.. _extra, .. html], [.. _extra, .. text]);
    }
}
