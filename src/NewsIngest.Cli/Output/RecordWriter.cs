using System.Text;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Serialization;

namespace NewsIngest.Cli.Output;

/// <summary>Prints records as JSON (indented or one per line), plain text or Markdown.</summary>
public sealed class RecordWriter(TextWriter output, OutputFormat format, bool compact)
{
    private bool _first = true;

    public async Task WriteAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var text = format switch
        {
            OutputFormat.Text => AsText(record),
            OutputFormat.Markdown => AsMarkdown(record),
            _ => RecordJson.Serialize(record, indented: !compact),
        };
        if (!_first && format != OutputFormat.Json)
        {
            await output.WriteLineAsync();
        }

        _first = false;
        await output.WriteLineAsync(text.AsMemory(), cancellationToken);
    }

    private static string AsText(ArticleRecord record)
    {
        var builder = new StringBuilder();
        AppendIf(builder, record.Headline);
        AppendIf(builder, record.Section);
        AppendIf(builder, record.Dek);
        foreach (var block in BelowDek(record))
        {
            builder.Append(block.Type == BlockType.ListItem ? "• " : "").AppendLine(block.Text);
        }

        builder.Append("[paywall: ").Append(Describe(record.Paywall)).Append(']');
        return builder.ToString();
    }

    /// <summary>The preview's blocks after the dek: a standfirst the page shows opens the preview and is printed once, as the dek.</summary>
    private static IEnumerable<PreviewBlock> BelowDek(ArticleRecord record) =>
        record.Preview.Blocks is [var first, ..] && first.Text == record.Dek ? record.Preview.Blocks.Skip(1) : record.Preview.Blocks;

    private static string AsMarkdown(ArticleRecord record)
    {
        var builder = new StringBuilder();
        if (record.Headline is not null)
        {
            builder.Append("# ").AppendLine(record.Headline).AppendLine();
        }

        if (record.Section is not null)
        {
            builder.Append("**").Append(record.Section).AppendLine("**").AppendLine();
        }

        if (record.Dek is not null)
        {
            builder.Append("_").Append(record.Dek).AppendLine("_").AppendLine();
        }

        foreach (var block in BelowDek(record))
        {
            builder.Append(block.Type switch
            {
                BlockType.ListItem => "- ",
                BlockType.Heading => "## ",
                BlockType.Quote => "> ",
                _ => "",
            }).AppendLine(block.Text);
            if (block.Type != BlockType.ListItem)
            {
                builder.AppendLine();
            }
        }

        builder.AppendLine().Append("> Paywall: ").Append(Describe(record.Paywall));
        return builder.ToString();
    }

    private static string Describe(PaywallInfo paywall)
    {
        var text = paywall.Status.ToString().ToLowerInvariant();
        if (paywall.Marker is not null)
        {
            text += $", \"{paywall.Marker}\"";
        }

        if (paywall.DeclaredWordCount is { } words)
        {
            text += $", {words} words declared";
        }

        return text;
    }

    private static void AppendIf(StringBuilder builder, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            builder.AppendLine(line);
        }
    }
}
