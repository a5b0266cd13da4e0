using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Hosting;
using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest reprocess</c>: rebuild records from the archived raw pages with the current extractor; a new
/// version is written only where the preview changed. Nothing is fetched.
/// </summary>
public static class ReprocessCommand
{
    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command(
            "reprocess", "Extract the pages archived by 'once --archive' or 'run --archive' again and write new versions where the preview changed."),
            fetches: false);
        command.SetAction((parse, token) => IngestCommandRunner.RunAsync(parse, "reprocess", null, async (host, options, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var services = host.Services;
            await using var runtime = await services.GetRequiredService<IngestionRuntimeFactory>().OpenAsync(cancellationToken);
            var badLines = await RecoveryLines.WriteAsync(parse.InvocationConfiguration.Error, "reprocess", runtime.Recovery);
            var reprocessor = new Reprocessor(runtime.State, runtime.Processor, services.GetRequiredService<IPageExtractor>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<Reprocessor>>());
            var summary = await reprocessor.RunAsync(cancellationToken);
            if (summary.Pages == 0)
            {
                await stdout.WriteLineAsync("newsingest reprocess: nothing archived yet (run 'once' or 'run' with --archive first)");
                return badLines ? ExitCodes.SomeFailed : ExitCodes.Ok;
            }

            await stdout.WriteLineAsync($"newsingest reprocess: {summary.ToLine()}");
            await stdout.WriteLineAsync($"newsingest reprocess: {summary.Written} records written to {runtime.Sink.Directory}");
            return summary.Interrupted ? ExitCodes.Interrupted
                : summary.HasFailures || badLines ? ExitCodes.SomeFailed
                : ExitCodes.Ok;
        }, token));
        return command;
    }
}
