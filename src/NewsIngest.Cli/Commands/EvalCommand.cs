using System.CommandLine;
using System.Globalization;
using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Paywalls;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Rules;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Suites;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest eval</c>: scores the extractor on an annotated corpus (<c>--corpus</c>: trafilatura snippets,
/// readability shingles, WCXB word F1) or on a folder of corpora (<c>--suite</c>: one table, a macro average, the
/// published anchors) and, with floors, fails the run when quality drops.
/// </summary>
public static class EvalCommand
{
    private static readonly Option<string?> CorpusDir = new("--corpus")
    {
        Description = "The corpus folder: evaldata.json + html/*.gz (snippets) or */source.html.gz (shingles).",
    };

    private static readonly Option<string?> SuiteDir = new("--suite")
    {
        Description = "A folder of corpora (e.g. ../shared/corpus): scores each with its metrics, prints one table and the macro average.",
    };

    private static readonly Option<string?> Baseline = new("--baseline")
    {
        Description = "With --suite: an earlier 'eval --suite --json' output; prints the change per corpus and the keep rule's verdict.",
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

    private static readonly Option<string[]> MinF1 = new("--min-f1")
    {
        Description = "Exit with code 4 when F1 is below this floor (0..1). With --suite: NAME=X per corpus (its headline score) or macro=X; repeatable.",
    };

    private static readonly Option<string[]> MaxLeak = new("--max-leak")
    {
        Description = "Exit with code 4 when the share of leaked 'without' snippets is above this (0..1; snippets only). With --suite: NAME=X; repeatable.",
    };

    private static readonly Option<bool> Paywall = new("--paywall")
    {
        Description = "Instead of scoring, list per corpus the pages called paywalled with their signals ('?' marks likely false walls).",
    };

    private static readonly Option<bool> Rules = new("--rules")
    {
        Description = "Instead of scoring, audit the rules that remove blocks: words removed per rule (the --explain reasons) on corpora with a full reference, and the share the reference keeps ('!' marks rules removing mostly article text; --details lists pages).",
    };

    private static readonly Option<int> Parallel = new("--parallel")
    {
        Description = "Pages extracted at once. Default: the processor count.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static readonly ChoiceOption<SiteTemplateMode> SiteTemplate = new(
        "--site-template", "auto (default): learn each site's template from the corpus's pages first, then score with it; off: score without.",
        SiteTemplateMode.Auto);

    public static Command Create()
    {
        var command = new Command("eval", "Score the extractor on an annotated corpus (precision, recall, F1, leak, speed).")
        {
            CorpusDir, SuiteDir, Kind, Worst, Details, Json, Limit, MinF1, MaxLeak, Baseline, Paywall, Rules, Parallel,
            SiteTemplate,
        };
        command.Validators.Add(result =>
        {
            var corpus = result.GetValue(CorpusDir) is not null;
            var suite = result.GetValue(SuiteDir) is not null;
            if (corpus == suite)
            {
                result.AddError("eval needs exactly one of --corpus DIR or --suite DIR");
            }
            else if (corpus && result.GetValue(Baseline) is not null)
            {
                result.AddError("--baseline needs --suite");
            }
            else if (suite && result.GetValue(Kind) is not null)
            {
                result.AddError("--kind needs --corpus: a suite detects each corpus's kind");
            }
            else if (result.GetValue(Paywall) && (result.GetValue(Baseline) is not null || result.GetValue(MinF1) is { Length: > 0 } || result.GetValue(MaxLeak) is { Length: > 0 }))
            {
                result.AddError("--paywall lists verdicts; it takes no --baseline, --min-f1 or --max-leak");
            }
            else if (result.GetValue(Rules) && (result.GetValue(Paywall) || result.GetValue(Baseline) is not null || result.GetValue(MinF1) is { Length: > 0 } || result.GetValue(MaxLeak) is { Length: > 0 }))
            {
                result.AddError("--rules audits removals; it takes no --paywall, --baseline, --min-f1 or --max-leak");
            }
        });
        command.SetAction((parse, token) => RunAsync(parse, token));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        // A suite lists no worst pages unless asked: the table is the point.
        var worstGiven = parse.GetResult(Worst) is { Implicit: false };
        var options = new EvaluationOptions
        {
            Parallelism = parse.GetValue(Parallel),
            Limit = parse.GetValue(Limit),
            Worst = parse.GetValue(SuiteDir) is null || worstGiven ? parse.GetValue(Worst) : 0,
            SiteTemplates = SiteTemplate.ValueIn(parse) == SiteTemplateMode.Auto,
        };
        if (options.Validate() is { } optionProblem)
        {
            return await FailAsync(stderr, optionProblem, ExitCodes.UsageOrInput);
        }

        if (parse.GetValue(Paywall) || parse.GetValue(Rules))
        {
            return await RunAuditAsync(parse, options, cancellationToken);
        }

        return parse.GetValue(SuiteDir) is { } suite
            ? await RunSuiteAsync(parse, suite, options, worstGiven, cancellationToken)
            : await RunCorpusAsync(parse, options, cancellationToken);
    }

    private static async Task<int> RunCorpusAsync(ParseResult parse, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var minProblem = SingleFloor(parse.GetValue(MinF1), "--min-f1", out var minF1);
        var leakProblem = SingleFloor(parse.GetValue(MaxLeak), "--max-leak", out var maxLeak);
        if ((minProblem ?? leakProblem) is { } floorProblem)
        {
            return await FailAsync(stderr, floorProblem, ExitCodes.UsageOrInput);
        }

        var kind = parse.GetValue(Kind) is { } named ? Enum.Parse<CorpusKind>(named, ignoreCase: true) : (CorpusKind?)null;
        var load = CorpusReader.Load(parse.GetValue(CorpusDir) ?? "", kind);
        if (!load.IsSuccess)
        {
            return await FailAsync(stderr, load.Error, ExitCodes.UsageOrInput);
        }

        var floors = new EvaluationFloors(minF1, maxLeak);
        if (floors.Validate(load.Corpus.Kind) is { } invalidFloor)
        {
            return await FailAsync(stderr, invalidFloor, ExitCodes.UsageOrInput);
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

    private static async Task<int> RunSuiteAsync(
        ParseResult parse, string directory, EvaluationOptions options, bool perCorpus, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var floors = SuiteFloors.Parse(parse.GetValue(MinF1) ?? [], parse.GetValue(MaxLeak) ?? [], out var floorError);
        if (floors is null)
        {
            return await FailAsync(stderr, floorError!, ExitCodes.UsageOrInput);
        }

        SuiteBaseline? baseline = null;
        if (parse.GetValue(Baseline) is { } baselinePath && (baseline = SuiteBaseline.Read(baselinePath, out var baselineError)) is null)
        {
            return await FailAsync(stderr, baselineError!, ExitCodes.UsageOrInput);
        }

        var load = SuiteReader.Load(directory);
        if (!load.IsSuccess)
        {
            return await FailAsync(stderr, load.Error, ExitCodes.UsageOrInput);
        }

        if (floors.Validate(load.Suite) is { } floorProblem)
        {
            return await FailAsync(stderr, floorProblem, ExitCodes.UsageOrInput);
        }

        var report = await Task.Run(
            () => new SuiteEvaluator().Evaluate(load.Suite, options, cancellationToken), cancellationToken);
        var unreadable = report.Corpora
            .SelectMany(c => c.Failures.Where(f => f.Outcome == PageOutcome.Unreadable).Select(f => (Corpus: SuiteReport.NameOf(c), Page: f)))
            .ToList();
        if (unreadable.Count > 0)
        {
            var (corpus, page) = unreadable[0];
            return await FailAsync(
                stderr,
                $"corpus page '{corpus}/{page.Name}' is unreadable ({page.Error}); {unreadable.Count} page(s) in all",
                ExitCodes.UsageOrInput);
        }

        var verdict = baseline is null ? null : KeepRule.Judge(baseline, report);
        if (parse.GetValue(Json))
        {
            SuiteJsonWriter.Write(stdout, report, verdict);
        }
        else
        {
            SuiteTextWriter.Write(stdout, report, verdict, perCorpus, parse.GetValue(Details));
        }

        await stdout.FlushAsync(cancellationToken);
        return floors.Check(report) is { } below
            ? await FailAsync(stderr, $"below floor: {below}", ExitCodes.BelowFloor)
            : ExitCodes.Ok;
    }

    private static async Task<int> RunAuditAsync(ParseResult parse, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        IReadOnlyList<Corpus> corpora;
        if (parse.GetValue(SuiteDir) is { } directory)
        {
            var load = SuiteReader.Load(directory);
            if (!load.IsSuccess)
            {
                return await FailAsync(stderr, load.Error, ExitCodes.UsageOrInput);
            }

            corpora = load.Suite.Corpora;
        }
        else
        {
            var kind = parse.GetValue(Kind) is { } named ? Enum.Parse<CorpusKind>(named, ignoreCase: true) : (CorpusKind?)null;
            var load = CorpusReader.Load(parse.GetValue(CorpusDir) ?? "", kind);
            if (!load.IsSuccess)
            {
                return await FailAsync(stderr, load.Error, ExitCodes.UsageOrInput);
            }

            corpora = [load.Corpus];
        }

        return parse.GetValue(Rules)
            ? await WriteRuleAuditAsync(parse, corpora, options, cancellationToken)
            : await WritePaywallAuditAsync(parse, corpora, options, cancellationToken);
    }

    private static async Task<int> WriteRuleAuditAsync(
        ParseResult parse, IReadOnlyList<Corpus> corpora, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        if (!corpora.Any(RuleAuditor.CanAudit))
        {
            return await FailAsync(
                parse.InvocationConfiguration.Error,
                "--rules needs a corpus with a full reference body (a shingle corpus, or snippets with 'body')",
                ExitCodes.UsageOrInput);
        }

        var audit = await Task.Run(
            () => new RuleAuditor().Audit(corpora, options.Parallelism, options.Limit, cancellationToken), cancellationToken);
        if (parse.GetValue(Json))
        {
            RuleAuditWriter.WriteJson(stdout, audit);
        }
        else
        {
            RuleAuditWriter.WriteText(stdout, audit, parse.GetValue(Details));
        }

        await stdout.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> WritePaywallAuditAsync(
        ParseResult parse, IReadOnlyList<Corpus> corpora, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var auditor = new PaywallAuditor();
        var audits = await Task.Run(
            () => corpora.Select(c => auditor.Audit(c, options.Parallelism, options.Limit, cancellationToken)).ToList(),
            cancellationToken);
        if (parse.GetValue(Json))
        {
            PaywallAuditWriter.WriteJson(stdout, audits);
        }
        else
        {
            PaywallAuditWriter.WriteText(stdout, audits);
        }

        await stdout.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>A single-corpus floor: at most one plain number (NAME=X belongs to --suite).</summary>
    private static string? SingleFloor(string[]? values, string option, out double? floor)
    {
        floor = null;
        if (values is not { Length: > 0 })
        {
            return null;
        }

        if (values.Length > 1 || values[0].Contains('=', StringComparison.Ordinal))
        {
            return $"{option} takes one number with --corpus (NAME=X is for --suite)";
        }

        if (!double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return $"{option} must be a number between 0 and 1 (got '{values[0]}')";
        }

        floor = value;
        return null;
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
