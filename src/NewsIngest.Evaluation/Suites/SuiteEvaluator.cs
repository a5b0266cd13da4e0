using NewsIngest.Evaluation.Running;

namespace NewsIngest.Evaluation.Suites;

/// <summary>Scores every corpus of a suite, one after the other, each with its own metrics.</summary>
public sealed class SuiteEvaluator(CorpusEvaluator? evaluator = null)
{
    private readonly CorpusEvaluator _evaluator = evaluator ?? new CorpusEvaluator();

    /// <summary>Scores <paramref name="suite"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public SuiteReport Evaluate(Suite suite, EvaluationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var reports = suite.Corpora.Select(c => _evaluator.Evaluate(c, options, cancellationToken)).ToList();
        return new SuiteReport { Directory = suite.Directory, Corpora = reports };
    }
}
