using System.CommandLine;
using NewsIngest.Cli.Inspection;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest failures --config F [--since T] [--json]</c>: the URLs whose last fetch failed, and those deferred to
/// the next pass (status <c>deferred</c>), most recent first, with the status, the reason and when. Read-only; exit 0 whether or not there are failures, 5 with no state yet.
/// </summary>
public static class FailuresCommand
{
    private static readonly Option<string?> Since = new("--since")
    {
        Description = "Only failures at or after this time: ISO 8601 (2026-12-03T05:00:00Z) or an age (90m, 2h, 1d).",
    };

    public static Command Create()
    {
        var command = InspectionSwitches.AddTo(new Command("failures", "List failing URLs with their reason and time (read-only)."));
        command.Options.Add(Since);
        command.SetAction(async (parse, token) =>
        {
            DateTimeOffset? since = null;
            if (parse.GetValue(Since) is { } text)
            {
                if (!SinceParser.TryParse(text, TimeProvider.System.GetUtcNow(), out var at))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        $"newsingest failures: --since '{text}' is neither a time (2026-12-03T05:00:00Z) nor an age (90m, 2h, 1d)");
                    return ExitCodes.UsageOrInput;
                }

                since = at;
            }

            return await InspectionRunner.RunAsync(parse, "failures", async (_, state, _, cancellationToken) =>
            {
                var failing = (await state.FailingAsync(since, cancellationToken)).Select(FailureView.Of).ToList();
                var stdout = parse.InvocationConfiguration.Output;
                if (parse.GetValue(InspectionSwitches.Json))
                {
                    await InspectionText.WriteJsonAsync(stdout, new FailuresView(since, failing), cancellationToken);
                    return ExitCodes.Ok;
                }

                if (failing.Count == 0)
                {
                    await stdout.WriteLineAsync(since is null ? "no failing URLs" : $"no failing URLs since {InspectionText.Time(since)}");
                    return ExitCodes.Ok;
                }

                var table = new TextTable("AT (UTC)", "SOURCE", "STATUS", "ATTEMPTS", "URL", "REASON").Numeric(3);
                foreach (var f in failing)
                {
                    table.Add(InspectionText.Time(f.At), f.Source ?? "—", f.Status, f.Attempts, f.Url, f.Reason ?? "—");
                }

                await table.WriteAsync(stdout, cancellationToken);
                var deferred = failing.Count(f => f.Status == UrlStatuses.Deferred);
                await stdout.WriteLineAsync(deferred == 0
                    ? $"{failing.Count} failing URL(s)"
                    : $"{failing.Count - deferred} failing URL(s), {deferred} deferred to the next pass (their host is cooling down)");
                return ExitCodes.Ok;
            }, token);
        });
        return command;
    }

    /// <summary>The JSON shape of <c>failures --json</c>.</summary>
    private sealed record FailuresView(DateTimeOffset? Since, IReadOnlyList<FailureView> Failures);
}
