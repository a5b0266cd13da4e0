using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction;

/// <summary>Builds an immutable <see cref="ExtractionPipeline"/> from options.</summary>
public sealed class ExtractionPipelineBuilder
{
    private ExtractionOptions _options = new();

    /// <summary>Replaces the options (limits and switches).</summary>
    public ExtractionPipelineBuilder WithOptions(ExtractionOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    public ExtractionPipeline Build()
    {
        IExtractionStage[] html = [];
        IExtractionStage[] text = [];
        return new ExtractionPipeline(_options, html, text);
    }
}
