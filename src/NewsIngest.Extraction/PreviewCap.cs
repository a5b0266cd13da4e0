using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction;

/// <summary>
/// Bounds the preview of one record (<see cref="ExtractionOptions.MaxPreviewChars"/>, <see cref="ExtractionOptions.MaxPreviewBlocks"/>):
/// blocks are kept in reading order while they fit, the block that crosses the character cap is cut there, and the
/// rest is left out with a signal naming the cap. The content hash and fingerprint are of what is kept.
/// </summary>
internal static class PreviewCap
{
    public static List<PreviewBlock> Apply(List<PreviewBlock> blocks, ExtractionContext context)
    {
        var maxChars = Math.Max(1, context.Options.MaxPreviewChars);
        var maxBlocks = Math.Max(1, context.Options.MaxPreviewBlocks);
        var kept = new List<PreviewBlock>(Math.Min(blocks.Count, maxBlocks));
        var chars = 0;
        foreach (var block in blocks)
        {
            if (kept.Count == maxBlocks)
            {
                context.AddSignal($"preview:cut-at-blocks={maxBlocks}");
                return kept;
            }

            if (chars + block.Text.Length > maxChars)
            {
                var room = maxChars - chars;
                if (room > 0 && char.IsHighSurrogate(block.Text[room - 1]))
                {
                    room--; // never half a character
                }

                if (room > 0)
                {
                    kept.Add(block with { Text = block.Text[..room] });
                }

                context.AddSignal($"preview:cut-at-chars={maxChars}");
                return kept;
            }

            chars += block.Text.Length;
            kept.Add(block);
        }

        return kept;
    }
}
