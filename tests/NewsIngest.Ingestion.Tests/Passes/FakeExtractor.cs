using System.Text;
using NewsIngest.Extraction;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>The whole body is the preview; "PAYWALL" in it marks the page paywalled, "THROW" makes extraction
/// throw (a bug in the extractor must not stop the pass), an empty body is rejected.</summary>
internal sealed class FakeExtractor : IPageExtractor
{
    public ExtractionResult Extract(byte[] body, string? charset, Uri url)
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

        var record = Records.Article("id:" + url.AbsoluteUri, text, url.AbsoluteUri) with
        {
            Paywall = new PaywallInfo { Status = text.Contains("PAYWALL", StringComparison.Ordinal) ? PaywallStatus.Paywalled : PaywallStatus.Free },
        };
        return ExtractionResult.Success(record);
    }
}
