using System.Globalization;
using System.Text.Json;
using NewsIngest.Evaluation.Reporting;

namespace NewsIngest.Evaluation.Paywalls;

/// <summary>Writes a paywall audit: a count line per corpus, then one line per paywalled page with its evidence.</summary>
public static class PaywallAuditWriter
{
    public static void WriteText(TextWriter writer, IReadOnlyList<PaywallAuditCorpus> corpora)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(corpora);
        foreach (var corpus in corpora)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{corpus.Name}: {corpus.Pages} pages, paywalled {corpus.Paywalled.Count} (suspect {corpus.Suspect}), free {corpus.Free}, unknown {corpus.Unknown}, failed {corpus.Failed}"));
            foreach (var page in corpus.Paywalled)
            {
                var reference = page.ReferenceWords is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"{r} coverage={page.Coverage:0.00}")
                    : "-";
                var declared = page.DeclaredWords is { } d ? d.ToString(CultureInfo.InvariantCulture) : "-";
                var marker = page.Marker is { } m ? Shorten(m) : "-";
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {(page.Suspect ? "?" : " ")} {page.Page}  kind={page.Kind ?? "-"} preview={page.PreviewWords} reference={reference} declared={declared} marker=\"{marker}\""));
                writer.WriteLine($"      {string.Join(' ', page.Signals)}");
            }
        }

        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"total: paywalled {corpora.Sum(c => c.Paywalled.Count)}, suspect {corpora.Sum(c => c.Suspect)} ('?': structured data says free, or the preview holds the whole reference body)"));
    }

    public static void WriteJson(TextWriter writer, IReadOnlyList<PaywallAuditCorpus> corpora)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(corpora, AuditJson.Options));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
