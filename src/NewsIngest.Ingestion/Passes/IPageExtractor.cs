using NewsIngest.Extraction;

namespace NewsIngest.Ingestion.Passes;

/// <summary>The extraction step of a pass: page bytes to a record. The default is <see cref="PipelinePageExtractor"/>.</summary>
public interface IPageExtractor
{
    /// <summary>
    /// Decodes and extracts one page; bad content (or a page past its time budget) is a rejected result, never an
    /// exception. Cancelling <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    ExtractionResult Extract(byte[] body, string? charset, Uri url, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="Extract(byte[], string?, Uri, CancellationToken)"/>, with the page's site template
    /// (<see cref="PageInput.SiteTemplate"/>). An extractor that knows none ignores it and returns no sample.
    /// </summary>
    ExtractionResult Extract(byte[] body, string? charset, Uri url, Extraction.Templates.SiteTemplate? template, CancellationToken cancellationToken) =>
        Extract(body, charset, url, cancellationToken);
}
