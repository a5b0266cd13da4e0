using NewsIngest.Extraction;

namespace NewsIngest.Evaluation.Paywalls;

/// <summary>One page the extractor called paywalled, with the evidence it went by.</summary>
/// <param name="Page">The page's name in its corpus.</param>
/// <param name="Kind">The wall kind (hard, registration, metered, implicit).</param>
/// <param name="Marker">The wall text the cut was made at, or null.</param>
/// <param name="PreviewWords">Words of the preview the record emits.</param>
/// <param name="ReferenceWords">Words of the corpus's reference body for the page, when it has one.</param>
/// <param name="Coverage">Tokens of the scored output over tokens of the reference body (both counted as the metrics
/// tokenize), when there is a reference.</param>
/// <param name="DeclaredWords">The declared length ("604 words", JSON-LD <c>wordCount</c>), when given.</param>
/// <param name="AccessibleForFree">Structured data's flag as published.</param>
/// <param name="Signals">The record's paywall signals.</param>
public sealed record PaywallAuditEntry(
    string Page,
    string? Kind,
    string? Marker,
    int PreviewWords,
    int? ReferenceWords,
    double? Coverage,
    int? DeclaredWords,
    bool? AccessibleForFree,
    IReadOnlyList<string> Signals)
{
    /// <summary>
    /// A verdict worth a look: structured data calls the page free, or the reference body is no longer than the
    /// preview (the reader saw the whole article, so nothing was walled).
    /// </summary>
    public bool Suspect => AccessibleForFree == true || Coverage >= 0.9;

    internal static PaywallAuditEntry From(string page, ArticleRecord record, int? referenceWords, int outputWords) => new(
        page,
        record.Paywall.Kind,
        record.Paywall.Marker,
        record.Preview.WordCount,
        referenceWords,
        referenceWords is > 0 ? Math.Round((double)outputWords / referenceWords.Value, 3) : null,
        record.Paywall.DeclaredWordCount,
        record.Paywall.AccessibleForFree,
        record.Paywall.Signals);
}
