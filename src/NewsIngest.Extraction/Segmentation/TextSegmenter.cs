using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Cuts a plain-text rendering of a page (what a reader sees, as in the seed page) into blocks: one per line or
/// paragraph; "• item" lines become list items; hard-wrapped lines of one paragraph are joined.
/// </summary>
internal sealed class TextSegmenter : IExtractionStage
{
    private const int WrapWidth = 60;

    public void Run(ExtractionContext context)
    {
        var pending = new List<string>();
        foreach (var raw in context.Input.Content.Split('\n'))
        {
            var line = raw.Trim();
            var bullet = BlockSplitter.StartsWithBullet(line);
            var continues = pending.Count > 0 && !bullet && line.Length > 0 && pending[^1].Length >= WrapWidth
                && !EndsSentence(pending[^1]) && !BlockSplitter.StartsWithBullet(pending[0]);
            if (!continues)
            {
                Emit(context, pending);
            }

            if (line.Length > 0)
            {
                pending.Add(line);
            }

            if (context.Blocks.Count >= context.Options.MaxBlocks)
            {
                return;
            }
        }

        Emit(context, pending);
    }

    private static void Emit(ExtractionContext context, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var text = TextMetrics.CollapseWhitespace(string.Join(' ', lines));
        lines.Clear();
        var (type, clean) = BlockSplitter.Classify(text, BlockType.Paragraph);
        if (clean.Length > 0)
        {
            context.Blocks.Add(new Block(context.Blocks.Count, type, clean));
        }
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '»' or '。';
}
