namespace NewsIngest.Evaluation.Rules;

/// <summary>
/// A rule as the audit counts it: the role a block was given and the reason (<c>extract --explain</c>'s columns).
/// A page's own stylesheet classes (<c>css:.x</c>) are one rule, "a class the page's CSS hides".
/// </summary>
public sealed record RuleKey(string Role, string Reason)
{
    public static RuleKey Of(string role, string? reason) => new(
        role,
        reason is null ? "-" : reason.StartsWith("css:.", StringComparison.Ordinal) ? "css:.<page class>" : reason);

    public override string ToString() => $"{Role} {Reason}";
}
