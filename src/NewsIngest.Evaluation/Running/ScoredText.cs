using NewsIngest.Extraction;

namespace NewsIngest.Evaluation.Running;

/// <summary>
/// The text of a record that the metrics score: the dek (standfirst), when there is one, then the preview text.
/// The dek is article text the reader sees above the body, and both corpora annotate it as body text. A standfirst
/// the page shows already opens the preview and is scored once.
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
        var opensPreview = record.Preview.Blocks.Count > 0 && record.Preview.Blocks[0].Text == record.Dek;
        return string.IsNullOrWhiteSpace(record.Dek) || opensPreview ? preview
            : string.IsNullOrWhiteSpace(preview) ? record.Dek
            : record.Dek + "\n\n" + preview;
    }
}
