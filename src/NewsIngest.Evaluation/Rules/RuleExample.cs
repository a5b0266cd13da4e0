namespace NewsIngest.Evaluation.Rules;

/// <summary>A page where a rule removed article text: the corpus, the page, the kept words and the longest such block.</summary>
public sealed record RuleExample(string Corpus, string Page, int Kept, string Text);
