using System.Text;
using NewsIngest.Extraction;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>The whole body is the preview; "PAYWALL" in it marks the page paywalled, "THROW" makes extraction
/// throw (a bug in the extractor must not stop the pass), an empty body is rejected.</summary>
internal sealed class FakeExtractor : IPageExtractor
{
    public ExtractionResult Extract(byte[] body, string? charset, Uri url, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(body);
        if (text.Contains("THROW", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("extractor bug");
        }

        if (text.Length == 0)
        {
            return ExtractionResult.Rejected("empty page");
        }

        // "text|canonical=URL" gives the page a rel=canonical of its own.
        var parts = text.Split("|canonical=");
        text = parts[0];
        var record = Records.Article("id:" + url.AbsoluteUri, text, url.AbsoluteUri) with
        {
            CanonicalUrl = parts.Length > 1 ? parts[1] : url.AbsoluteUri,
            Paywall = new PaywallInfo { Status = text.Contains("PAYWALL", StringComparison.Ordinal) ? PaywallStatus.Paywalled : PaywallStatus.Free },
        };
        return ExtractionResult.Success(record);
    }
}
