using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Ingestion.Passes;

/// <summary>Decodes with <see cref="PageDecoder"/> (BOM → header charset → meta → UTF-8) and extracts with one
/// <see cref="ExtractionPipeline"/> (by default <see cref="ExtractionPipeline.Default"/>).</summary>
public sealed class PipelinePageExtractor(ExtractionPipeline pipeline) : IPageExtractor
{
    public static PipelinePageExtractor Instance { get; } = new(ExtractionPipeline.Default);

    public ExtractionResult Extract(byte[] body, string? charset, Uri url, CancellationToken cancellationToken) =>
        Extract(body, charset, url, null, cancellationToken);

    public ExtractionResult Extract(byte[] body, string? charset, Uri url, SiteTemplate? template, CancellationToken cancellationToken)
    {
        var decoded = PageDecoder.Decode(body, charset);
        return pipeline.Extract(new PageInput(decoded.Text, url) { SiteTemplate = template }, cancellationToken);
    }
}
