using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsIngest.Cli.Hosting;
using NewsIngest.Cli.Hosting.Telemetry;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Hosting;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest run</c>: the long-running worker. Each source runs on its schedule; SIGTERM or Ctrl-C lets in-flight
/// pages finish (<c>NewsIngest:Pass:ShutdownGrace</c>) within the host's shutdown timeout. Under systemd
/// (<c>Type=notify</c>) it reports READY and STOPPING. Holds the run lock for its whole life. With
/// <c>NewsIngest:Metrics:Listen</c> it serves metrics and health from before the worker starts until after it stops.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command("run", "Run as a service: every source on its schedule until stopped."));
        command.SetAction((parse, token) => IngestCommandRunner.RunAsync(parse, "run", Configure, async (host, options, cancellationToken) =>
        {
            var worker = host.Services.GetRequiredService<ScheduledIngestionService>();
            MetricsEndpoint? endpoint;
            try
            {
                endpoint = await MetricsEndpoint.StartAsync(host.Services, cancellationToken);
            }
            catch (StartupError ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest run: {ErrorText.OneLine(ex.Message)}");
                return ExitCodes.UsageOrInput;
            }

            await using (endpoint)
            {
                await host.RunAsync(cancellationToken);
            }

            // On .NET 10 a crashed BackgroundService still lets RunAsync finish normally: look at the worker itself.
            if (worker.ExecuteTask is { IsFaulted: true } failed)
            {
                var error = failed.Exception?.GetBaseException();
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest run: {error?.Message}");
                // Presumed dead and adopted by another worker (paused past its lease): like a lock another holds.
                return error is NewsIngest.Ingestion.Workers.WorkerRegistrationLostException ? ExitCodes.Locked : ExitCodes.SomeFailed;
            }

            return ExitCodes.Ok;
        }, token));
        return command;
    }

    private static void Configure(HostApplicationBuilder builder)
    {
        TelemetryRegistration.Add(builder, serve: true);
        builder.Services.AddSystemd();
        builder.Services.AddSingleton<ScheduledIngestionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledIngestionService>());
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<NewsIngestOptions>>((host, options) =>
            // Long enough for in-flight pages to use their whole grace period, and for the state and files to close.
            host.ShutdownTimeout = SafeGrace(options) + TimeSpan.FromSeconds(5));
    }

    private static TimeSpan SafeGrace(IOptions<NewsIngestOptions> options)
    {
        try
        {
            return options.Value.Pass.ShutdownGrace;
        }
        catch (OptionsValidationException)
        {
            return TimeSpan.FromSeconds(10);
        }
    }
}
