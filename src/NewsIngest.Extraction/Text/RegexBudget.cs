namespace NewsIngest.Extraction.Text;

/// <summary>
/// The match timeout every backtracking extraction regex carries. The patterns are written so that none can backtrack
/// super-linearly (README, "Regular expressions"); the timeout is the backstop should one still do so on some page:
/// the page is rejected with the reason instead of taking the pass with it.
/// </summary>
internal static class RegexBudget
{
    /// <summary>Per match, far above what a linear pattern needs on the largest page (a few milliseconds).</summary>
    public const int MatchTimeoutMilliseconds = 2000;
}
