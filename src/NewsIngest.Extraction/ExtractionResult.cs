using System.Diagnostics.CodeAnalysis;

namespace NewsIngest.Extraction;

/// <summary>
/// The outcome of extracting one page: a record, or the reason there is none (empty input, not a page, too large).
/// Bad input is an outcome, not an exception.
/// </summary>
public sealed record ExtractionResult
{
    private ExtractionResult(ArticleRecord? record, string? error)
    {
        Record = record;
        Error = error;
    }

    public ArticleRecord? Record { get; }

    /// <summary>A one-line reason when no record could be made.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Record is not null;

    /// <summary>What the page contributes to its site's template; set when the input carried a model.</summary>
    public Templates.PageSample? TemplateSample { get; init; }

    public static ExtractionResult Success(ArticleRecord record) => new(record, null);

    public static ExtractionResult Rejected(string reason) => new(null, reason);
}
