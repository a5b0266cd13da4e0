namespace NewsIngest.Evaluation.Rules;

/// <summary>
/// The rule audit of a set of corpora with full references: per rule, what it removed and the share the reference
/// keeps, rules with the most removed article text first. <see cref="Skipped"/> names corpora with no full reference.
/// </summary>
public sealed record RuleAudit(
    IReadOnlyList<string> Corpora,
    IReadOnlyDictionary<string, int> Pages,
    IReadOnlyList<RuleAuditRow> Rules,
    IReadOnlyList<string> Skipped)
{
    /// <summary>All removals together.</summary>
    public RuleRemovals Total => Rules.Aggregate(RuleRemovals.None, (sum, row) => sum.Add(row.Total));
}
