using System.Globalization;
using System.Text.Json;
using NewsIngest.Evaluation.Reporting;

namespace NewsIngest.Evaluation.Rules;

/// <summary>
/// Writes a rule audit: one line per rule (role, reason, blocks, words removed, words the reference keeps and their
/// share, the share per corpus), '!' before a rule whose removals are mostly article text; with details, the pages
/// where each rule removed the most.
/// </summary>
public static class RuleAuditWriter
{
    public static void WriteText(TextWriter writer, RuleAudit audit, bool details)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(audit);
        var pages = string.Join(", ", audit.Corpora.Select(c => $"{c} {audit.Pages[c]}"));
        writer.WriteLine($"rule audit: blocks removed on pages with a full reference ({pages} pages); kept = words the reference body has and the output lacks");
        if (audit.Skipped.Count > 0)
        {
            writer.WriteLine($"not audited (no full reference): {string.Join(", ", audit.Skipped)}");
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"  {"role",-12} {"reason",-34} {"blocks",7} {"words",8} {"kept",7} {"kept%",6}");
        writer.WriteLine(header + string.Concat(audit.Corpora.Select(c => $" {Column(c)}")));
        foreach (var row in audit.Rules)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{(row.Flagged ? "!" : " ")} {row.Rule.Role,-12} {Shorten(row.Rule.Reason, 34),-34} {row.Total.Blocks,7} {row.Total.Words,8} {row.Total.Kept,7} {Percent(row.Total.KeptShare),6}");
            writer.WriteLine(line + string.Concat(audit.Corpora.Select(c => " " + PerCorpus(row, c))));
            if (details)
            {
                foreach (var example in row.Examples)
                {
                    writer.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"      {example.Corpus}/{example.Page}: {example.Kept} kept, e.g. \"{Shorten(example.Text.ReplaceLineEndings(" "), 90)}\""));
                }
            }
        }

        var total = audit.Total;
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"total: {total.Words} words removed, {total.Kept} of them article text ({Percent(total.KeptShare)}); '!': over {RuleAuditRow.WrongShare:0%} article text (rules with at least {RuleAuditRow.MinWordsToFlag} words)"));
    }

    public static void WriteJson(TextWriter writer, RuleAudit audit)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(audit);
        var json = new
        {
            corpora = audit.Corpora,
            pages = audit.Pages,
            skipped = audit.Skipped,
            rules = audit.Rules.Select(r => new
            {
                role = r.Rule.Role,
                reason = r.Rule.Reason,
                blocks = r.Total.Blocks,
                words = r.Total.Words,
                kept = r.Total.Kept,
                keptShare = Math.Round(r.Total.KeptShare, 4),
                flagged = r.Flagged,
                perCorpus = r.PerCorpus.ToDictionary(
                    c => c.Key,
                    c => new { blocks = c.Value.Blocks, words = c.Value.Words, kept = c.Value.Kept, keptShare = Math.Round(c.Value.KeptShare, 4) }),
                examples = r.Examples,
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(json, AuditJson.Options));
    }

    private static string Column(string corpus) => $"{Shorten(corpus, 18),18}";

    private static string PerCorpus(RuleAuditRow row, string corpus) =>
        Column(row.PerCorpus.TryGetValue(corpus, out var r) && r.Words > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Percent(r.KeptShare)} of {r.Words}")
            : "-");

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
