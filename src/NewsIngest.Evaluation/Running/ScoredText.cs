using NewsIngest.Extraction;

namespace NewsIngest.Evaluation.Running;

/// <summary>
/// The text of a record that the metrics score: the dek (standfirst), when there is one, then the preview text.
/// The dek is article text the reader sees above the body, and both corpora annotate it as body text.
/// </summary>
public static class ScoredText
{
    /// <summary>The dek and the preview text separated by a blank line; empty for a missing record.</summary>
    public static string Of(ArticleRecord? record)
    {
        if (record is null)
        {
            return "";
        }

        var preview = record.Preview.Text;
        return string.IsNullOrWhiteSpace(record.Dek) ? preview
            : string.IsNullOrWhiteSpace(preview) ? record.Dek
            : record.Dek + "\n\n" + preview;
    }
}
