namespace NewsIngest.Evaluation.Rules;

/// <summary>One rule over the audited corpora: its removals in all and per corpus, and the pages it hurt most.</summary>
public sealed record RuleAuditRow(
    RuleKey Rule,
    RuleRemovals Total,
    IReadOnlyDictionary<string, RuleRemovals> PerCorpus,
    IReadOnlyList<RuleExample> Examples)
{
    /// <summary>More than this share of a rule's removed words being article text marks the rule as wrong.</summary>
    public const double WrongShare = 0.30;

    /// <summary>Below this many removed words a share says little; such rules are not flagged.</summary>
    public const int MinWordsToFlag = 200;

    /// <summary>Mostly article text: over <see cref="WrongShare"/> of at least <see cref="MinWordsToFlag"/> words.</summary>
    public bool Flagged => Total.Words >= MinWordsToFlag && Total.KeptShare > WrongShare;
}
