using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Hosting;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest state rebuild</c>: brings the state's URL index level with the output (latest version, content
/// hash, record id per URL) after the state was restored from an older copy or replaced. Takes the run lock. A new
/// or emptied state is rebuilt by <c>once</c> and <c>run</c> themselves at start.
/// </summary>
public static class StateCommand
{
    public static Command Create()
    {
        var rebuild = IngestSwitches.AddTo(new Command(
            "rebuild", "Rebuild the state's URL index from the output records (after restoring an older state file)."), fetches: false);
        rebuild.SetAction((parse, token) => IngestCommandRunner.RunAsync(parse, "state rebuild", null, async (host, options, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            await using var runtime = await host.Services.GetRequiredService<IngestionRuntimeFactory>().OpenAsync(cancellationToken);
            var moved = await RecoveryLines.WriteAsync(stderr, "state rebuild", runtime.Recovery);
            var report = await UrlIndexRebuilder.RebuildAsync(runtime.State, runtime.Sink.Directory, options.Output.FilePrefix, cancellationToken);
            foreach (var line in report.BadLines)
            {
                await stderr.WriteLineAsync($"newsingest state rebuild: {line}: not a record, left out");
            }

            await stdout.WriteLineAsync(
                $"newsingest state rebuild: {report.Records} records read from {runtime.Sink.Directory}, {report.Updated} URLs added or moved forward in {runtime.Backend?.Description ?? options.State.Path}");
            return report.BadLines.Count > 0 || moved ? ExitCodes.SomeFailed : ExitCodes.Ok;
        }, token));
        return new Command("state", "Maintain the state file.") { rebuild };
    }
}
