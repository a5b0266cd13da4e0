namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// The tests whose bound is a deadline or a match timeout (the 2,000 fuzzed pages under a 2 s Extraction:MaxPageTime,
/// every backtracking pattern on 50,000-character hostile text under its match timeout) run alone, after the rest: run
/// beside each other and the other classes on two shared cores, one starved the other past its bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileInputsCollection
{
    public const string Name = "Hostile inputs";
}
