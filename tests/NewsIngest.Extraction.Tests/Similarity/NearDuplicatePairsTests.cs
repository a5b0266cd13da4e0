using NewsIngest.Extraction.Similarity;
using NewsIngest.Tests.Shared.NearDuplicates;
using Xunit.Abstractions;

namespace NewsIngest.Extraction.Tests.Similarity;

/// <summary>
/// The near-duplicate rule on 2,600 generated labelled pairs (fixed seed): copies, token edits of 1–40%, teasers cut
/// at 20/50/80%, template swaps, and different stories of one site sharing boilerplate or a paragraph. The figures are
/// printed (<c>dotnet test … --logger "console;verbosity=detailed"</c>); <c>neardup-eval</c> in the benchmarks prints the same.
/// </summary>
public sealed class NearDuplicatePairsTests(ITestOutputHelper output)
{
    private static readonly PairEvaluation Evaluation =
        PairEvaluation.Run(PairGenerator.Generate(seed: 11, pairsPerKind: 200), MinHashScheme.Default, RelationRule.Default);

    [Fact]
    public void Matches_are_precise_overall_and_on_one_site()
    {
        output.WriteLine(Evaluation.Report(MinHashScheme.Default, RelationRule.Default));

        Assert.True(Evaluation.Precision >= 0.98, $"precision {Evaluation.Precision:0.0000}");
        Assert.True(Evaluation.SameSitePrecision >= 0.98, $"same-site precision {Evaluation.SameSitePrecision:0.0000}");
    }

    [Fact]
    public void Copies_and_edits_of_up_to_a_tenth_of_the_words_are_found()
    {
        var recall = Evaluation.Recall(PairEvaluation.IsSmallEdit);

        Assert.True(recall >= 0.95, $"recall {recall:0.0000}");
    }

    [Fact]
    public void Teasers_cut_at_a_fifth_half_or_four_fifths_are_found_as_previews_of_the_full_text()
    {
        var recall = Evaluation.Recall(PairEvaluation.IsTeaser);

        Assert.True(recall >= 0.95, $"recall {recall:0.0000}");
    }

    [Fact]
    public void A_found_pair_carries_the_relation_its_kind_calls_for()
    {
        Assert.True(Evaluation.RelationAccuracy >= 0.99, $"relation right on {Evaluation.RelationAccuracy:0.0000} of the right matches");
    }

    [Fact]
    public void The_pairs_are_the_same_on_every_run()
    {
        var again = PairGenerator.Generate(seed: 11, pairsPerKind: 3);

        Assert.Equal(PairGenerator.Generate(seed: 11, pairsPerKind: 3), again);
    }
}
