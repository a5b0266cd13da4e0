using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsIngest.Cli.Hosting;
using NewsIngest.Cli.Hosting.Progress;
using NewsIngest.Cli.Hosting.Telemetry;
using NewsIngest.Ingestion.Hosting;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest once</c>: one pass over every source, then exit — for cron and systemd timers. Exit 0 when all went
/// well, 1 when some pages or sources failed or a line of the output that is not a record was moved aside at start, 2 for configuration errors, 3 when another run holds the lock,
/// 130 when interrupted. The exit code is computed here, not left to the host (a crashed hosted service exits 0).
/// </summary>
public static class OnceCommand
{
    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command("once", "Run one pass over every configured source, then exit."));
        command.SetAction((parse, token) => IngestCommandRunner.RunAsync(parse, "once", Configure, async (host, options, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            TelemetryRegistration.Start(host.Services);
            await using var runtime = await host.Services.GetRequiredService<IngestionRuntimeFactory>().OpenAsync(cancellationToken);
            var badLines = await RecoveryLines.WriteAsync(parse.InvocationConfiguration.Error, "once", runtime.Recovery);
            // Several workers: a worker whose registration was taken over stops at once (its files are the adopter's).
            var lost = runtime.Workers?.RegistrationLost ?? CancellationToken.None;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost);
            var summary = await runtime.Pass.RunAsync(options.Sources, stop.Token);
            await stdout.WriteLineAsync($"newsingest once: {summary.ToLine()}");
            var where = runtime.Workers is { } worker ? $"as worker {worker.Registration.Id}, state {runtime.Backend?.Description}" : $"state {runtime.Backend?.Description ?? options.State.Path}";
            await stdout.WriteLineAsync($"newsingest once: {summary.Written} records written to {runtime.Sink.Directory} ({where})");
            if (lost.IsCancellationRequested)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"newsingest once: {new NewsIngest.Ingestion.Workers.WorkerRegistrationLostException(runtime.Workers!.Registration.Id).Message}");
                return ExitCodes.Locked;
            }

            return summary.Interrupted ? ExitCodes.Interrupted
                : summary.HasFailures || badLines ? ExitCodes.SomeFailed
                : ExitCodes.Ok;
        }, token));
        return command;
    }

    // No metrics endpoint: a one-shot pass is gone before a scraper comes by; OTLP export works (pushed at the end).
    private static void Configure(HostApplicationBuilder builder)
    {
        TelemetryRegistration.Add(builder, serve: false);
        ProgressRegistration.Add(builder, ConsoleMode.Current);
    }
}
