using NewsIngest.Extraction;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Ingestion.Passes;

/// <summary>Decodes with <see cref="PageDecoder"/> (header charset → BOM → meta → UTF-8) and extracts with
/// <see cref="ExtractionPipeline.Default"/>.</summary>
public sealed class PipelinePageExtractor : IPageExtractor
{
    public static PipelinePageExtractor Instance { get; } = new();

    public ExtractionResult Extract(byte[] body, string? charset, Uri url)
    {
        var decoded = PageDecoder.Decode(body, charset);
        return ExtractionPipeline.Default.Extract(new PageInput(decoded.Text, url));
    }
}
