using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Hosting;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest once</c>: one pass over every source, then exit — for cron and systemd timers. Exit 0 when all went
/// well, 1 when some pages or sources failed, 2 for configuration errors, 3 when another run holds the lock,
/// 130 when interrupted. The exit code is computed here, not left to the host (a crashed hosted service exits 0).
/// </summary>
public static class OnceCommand
{
    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command("once", "Run one pass over every configured source, then exit."));
        command.SetAction((parse, token) => IngestCommandRunner.RunAsync(parse, "once", null, async (host, options, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            await using var runtime = await host.Services.GetRequiredService<IngestionRuntimeFactory>().OpenAsync(cancellationToken);
            var summary = await runtime.Pass.RunAsync(options.Sources, cancellationToken);
            await stdout.WriteLineAsync($"newsingest once: {summary.ToLine()}");
            await stdout.WriteLineAsync($"newsingest once: {summary.Written} records written to {runtime.Sink.Directory} (state {options.State.Path})");
            return summary.Interrupted ? ExitCodes.Interrupted
                : summary.HasFailures ? ExitCodes.SomeFailed
                : ExitCodes.Ok;
        }, token));
        return command;
    }
}
