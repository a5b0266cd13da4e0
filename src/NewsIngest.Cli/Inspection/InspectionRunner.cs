using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// The frame of the read-only inspection commands: configuration read and checked (exit 2, one line), the state file
/// opened read-only — never created, migrated or locked, so they work beside a running <c>once</c> or <c>run</c>
/// (exit 5 "no state yet" when it does not exist), then the body.
/// </summary>
public static class InspectionRunner
{
    /// <summary>What a command does with the configuration and the open state; returns the exit code.</summary>
    public delegate Task<int> Body(NewsIngestOptions options, StateReader state, TimeProvider time, CancellationToken cancellationToken);

    public static async Task<int> RunAsync(ParseResult parse, string verb, Body body, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        NewsIngestOptions options;
        TimeProvider time;
        try
        {
            using var host = IngestHost.CreateBuilder(parse).Build();
            options = IngestHost.ValidatedOptions(host.Services, checkPaths: false);
            time = host.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        }
        catch (StartupError ex)
        {
            await stderr.WriteLineAsync($"newsingest {verb}: {ErrorText.OneLine(ex.Message)}");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            await using var state = await StateReader.OpenAsync(options.State.Path, cancellationToken);
            if (state is null)
            {
                await stderr.WriteLineAsync($"newsingest {verb}: no state yet at {options.State.Path} (no pass has run with this configuration)");
                return ExitCodes.NotFound;
            }

            return await body(options, state, time, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidDataException or UnauthorizedAccessException or IOException
            && !parse.GetValue(GlobalOptions.Verbose))
        {
            // Not a state file, one from a newer build, or unreadable: nothing to show.
            await stderr.WriteLineAsync($"newsingest {verb}: {ErrorText.OneLine(ex.Message)} (run with --verbose for details)");
            return ExitCodes.UsageOrInput;
        }
    }
}
