using System.Globalization;
using NewsIngest.Extraction.Similarity;
using NewsIngest.Tests.Shared.NearDuplicates;

namespace NewsIngest.Benchmarks.NearDuplicates;

/// <summary>
/// <c>neardup-eval [--pairs N] [--seed S] [--bands B --rows R] [--jaccard J]</c>: precision and recall of the
/// near-duplicate rule on the generated labelled pairs, for choosing the LSH scheme and the threshold.
/// </summary>
internal static class NearDuplicateEval
{
    public static int Run(string[] args, TextWriter output)
    {
        var pairs = Option(args, "--pairs", 400);
        var seed = Option(args, "--seed", 11);
        var scheme = args.Contains("--bands")
            ? new MinHashScheme(Option(args, "--bands", 20), Option(args, "--rows", 3))
            : MinHashScheme.Default;
        var rule = args.Contains("--jaccard")
            ? RelationRule.Default with { NearDuplicateJaccard = double.Parse(Value(args, "--jaccard")!, CultureInfo.InvariantCulture) }
            : RelationRule.Default;
        var evaluation = PairEvaluation.Run(PairGenerator.Generate(seed, pairs), scheme, rule);
        output.Write(evaluation.Report(scheme, rule));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
