using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using Npgsql;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// The frame of the read-only inspection commands: configuration read and checked (exit 2, one line), the state of
/// <c>State:Provider</c> opened read-only (<see cref="StateBackend.OpenReaderAsync"/>) — never created, migrated or
/// locked, so they work beside a running <c>once</c> or <c>run</c> (exit 5 "no state yet" when there is none; exit 2,
/// one line, when it cannot be read or the database cannot be reached), then the body.
/// </summary>
public static class InspectionRunner
{
    /// <summary>What a command does with the configuration and the open state; returns the exit code.</summary>
    public delegate Task<int> Body(NewsIngestOptions options, IStateReader state, TimeProvider time, CancellationToken cancellationToken);

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
            await using var state = await StateBackend.OpenReaderAsync(options.State, cancellationToken);
            if (state is null)
            {
                var where = options.State.Provider == StateProvider.Postgres
                    ? NewsIngest.Ingestion.State.Postgres.PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(options.State.ConnectionString))
                    : options.State.Path;
                await stderr.WriteLineAsync($"newsingest {verb}: no state yet at {where} (no pass has run with this configuration)");
                return ExitCodes.NotFound;
            }

            return await body(options, state, time, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or NpgsqlException or InvalidDataException or UnauthorizedAccessException or IOException
            && !parse.GetValue(GlobalOptions.Verbose))
        {
            // Not a state file, one from a newer build, unreadable, or a database that cannot be reached: nothing to show.
            await stderr.WriteLineAsync($"newsingest {verb}: {ErrorText.OneLine(ex.Message)} (run with --verbose for details)");
            return ExitCodes.UsageOrInput;
        }
    }
}
