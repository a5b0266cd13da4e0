using System.Diagnostics.CodeAnalysis;

namespace NewsIngest.Evaluation.Suites;

/// <summary>A loaded suite, or a one-line reason why the folder is not one.</summary>
public sealed record SuiteLoadResult
{
    private SuiteLoadResult(Suite? suite, string? error)
    {
        Suite = suite;
        Error = error;
    }

    public Suite? Suite { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Suite))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Suite is not null;

    public static SuiteLoadResult Loaded(Suite suite) => new(suite, null);

    public static SuiteLoadResult Failed(string error) => new(null, error);
}
