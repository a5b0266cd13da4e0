using System.CommandLine;
using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Running;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest eval</c>: scores the extractor on an annotated corpus (trafilatura snippets or readability
/// shingles) and, with floors, fails the run when quality drops.
/// </summary>
public static class EvalCommand
{
    private static readonly Option<string> CorpusDir = new("--corpus")
    {
        Description = "The corpus folder: evaldata.json + html/*.gz (snippets) or */source.html.gz (shingles).",
        Required = true,
    };

    private static readonly Option<string?> Kind = CreateKindOption();

    private static readonly Option<int> Worst = new("--worst")
    {
        Description = "How many of the worst pages to list.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the figures as one JSON object instead of the text summary.",
    };

    private static readonly Option<bool> Details = new("--details")
    {
        Description = "Under each worst page, list the snippets it missed and leaked (snippet corpora).",
    };

    private static readonly Option<int?> Limit = new("--limit")
    {
        Description = "Score only the first N pages (in name order), for quick runs.",
    };

    private static readonly Option<double?> MinF1 = new("--min-f1")
    {
        Description = "Exit with code 4 when F1 is below this floor (0..1).",
    };

    private static readonly Option<double?> MaxLeak = new("--max-leak")
    {
        Description = "Exit with code 4 when the share of leaked 'without' snippets is above this (0..1; snippets only).",
    };

    private static readonly Option<int> Parallel = new("--parallel")
    {
        Description = "Pages extracted at once. Default: the processor count.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Command Create()
    {
        var command = new Command("eval", "Score the extractor on an annotated corpus (precision, recall, F1, leak, speed).")
        {
            CorpusDir, Kind, Worst, Details, Json, Limit, MinF1, MaxLeak, Parallel,
        };
        command.SetAction((parse, token) => RunAsync(parse, token));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var options = new EvaluationOptions
        {
            Parallelism = parse.GetValue(Parallel),
            Limit = parse.GetValue(Limit),
            Worst = parse.GetValue(Worst),
        };
        if (options.Validate() is { } optionProblem)
        {
            return await FailAsync(stderr, optionProblem, ExitCodes.UsageOrInput);
        }

        var kind = parse.GetValue(Kind) is { } named ? Enum.Parse<CorpusKind>(named, ignoreCase: true) : (CorpusKind?)null;
        var load = CorpusReader.Load(parse.GetValue(CorpusDir) ?? "", kind);
        if (!load.IsSuccess)
        {
            return await FailAsync(stderr, load.Error, ExitCodes.UsageOrInput);
        }

        var floors = new EvaluationFloors(parse.GetValue(MinF1), parse.GetValue(MaxLeak));
        if (floors.Validate(load.Corpus.Kind) is { } floorProblem)
        {
            return await FailAsync(stderr, floorProblem, ExitCodes.UsageOrInput);
        }

        // Parallel.For blocks its caller; run it off the invocation thread so Ctrl-C is observed promptly.
        var report = await Task.Run(
            () => new CorpusEvaluator().Evaluate(load.Corpus, options, cancellationToken), cancellationToken);
        if (report.Failures.FirstOrDefault(f => f.Outcome == PageOutcome.Unreadable) is { } unreadable)
        {
            return await FailAsync(
                stderr,
                $"corpus page '{unreadable.Name}' is unreadable ({unreadable.Error}); {report.Unreadable} page(s) in all",
                ExitCodes.UsageOrInput);
        }

        if (parse.GetValue(Json))
        {
            JsonReportWriter.Write(stdout, report);
        }
        else
        {
            TextReportWriter.Write(stdout, report, parse.GetValue(Details));
        }

        await stdout.FlushAsync(cancellationToken);
        return floors.Check(report) is { } below
            ? await FailAsync(stderr, $"below floor: {below}", ExitCodes.BelowFloor)
            : ExitCodes.Ok;
    }

    private static Option<string?> CreateKindOption()
    {
        // An enum option's parse error lists its values on several lines; this keeps it to one.
        var option = new Option<string?>("--kind")
        {
            Description = "The metric: snippets or shingles. Default: detected from the folder.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Enum.TryParse<CorpusKind>(value, ignoreCase: true, out _))
            {
                result.AddError($"--kind must be snippets or shingles (got '{value}')");
            }
        });
        return option;
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message, int exitCode)
    {
        await stderr.WriteLineAsync($"newsingest eval: {message}");
        return exitCode;
    }
}
