using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest check --config F</c>: the check <c>once</c> and <c>run</c> make before any request (every key known,
/// every value of its form, schedules parse, output/state/archive locations writable), without taking the lock or
/// creating anything. Prints the effective configuration (file, then environment, then switches, paths resolved)
/// as JSON on stdout (a connection string's password masked); exit 0 when usable, 2 with one line naming the key
/// otherwise. With <c>State:Provider</c> = <c>Postgres</c> it also connects once and reports the server's version and
/// the state schema's (or that none exists yet), creating nothing: exit 6 with one line when the server cannot be
/// reached or refuses the login, 2 when its schema is newer than this build's.
/// </summary>
public static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command("check", "Check the configuration (keys, values, schedules, writable paths) and print it as applied."));
        command.SetAction(async (parse, token) =>
        {
            try
            {
                var builder = IngestHost.CreateBuilder(parse);
                using var host = builder.Build();
                var options = IngestHost.ValidatedOptions(host.Services);
                var effective = new JsonObject
                {
                    ["NewsIngest"] = JsonSerializer.SerializeToNode(options, Json),
                };
                var section = effective["NewsIngest"]!.AsObject();
                if (options.State.ConnectionString is { Length: > 0 } connectionString)
                {
                    section["State"]!["ConnectionString"] = Masked(connectionString);
                }

                section["Http"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<HttpOptions>>().Value, Json);
                section["Politeness"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<PolitenessOptions>>().Value, Json);
                section["Discovery"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<DiscoveryOptions>>().Value, Json);
                await parse.InvocationConfiguration.Output.WriteLineAsync(effective.ToJsonString(Json));
                if (options.State.Provider == StateProvider.Postgres
                    && await CheckPostgresAsync(parse, options.State.ConnectionString!, token) is { } failed)
                {
                    return failed;
                }

                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest check: configuration is valid ({options.Sources.Count} source(s))");
                return ExitCodes.Ok;
            }
            catch (StartupError ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest check: {Cli.ErrorText.OneLine(ex.Message)}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    /// <summary>Reports the PostgreSQL state in one line; an exit code when it is not usable, else null.</summary>
    private static async Task<int?> CheckPostgresAsync(ParseResult parse, string connectionString, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var where = PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(connectionString));
        PostgresProbe probe;
        try
        {
            probe = await PostgresProbe.RunAsync(connectionString, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await stderr.WriteLineAsync($"newsingest check: cannot use the PostgreSQL state at {where}: {Cli.ErrorText.OneLine(ex.Message)}"
                + (parse.GetValue(GlobalOptions.Verbose) ? "" : " (run with --verbose for details)"));
            if (parse.GetValue(GlobalOptions.Verbose))
            {
                await stderr.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.StorageUnavailable;
        }

        if (probe.IsNewer)
        {
            await stderr.WriteLineAsync(
                $"newsingest check: the PostgreSQL state at {where} has schema version {probe.SchemaVersion}, newer than this build's {PostgresDatabase.SchemaVersion}; use a newer newsingest");
            return ExitCodes.UsageOrInput;
        }

        var schema = probe.SchemaVersion is { } version
            ? $"schema version {version} (this build's is {PostgresDatabase.SchemaVersion}{(version < PostgresDatabase.SchemaVersion ? "; the next once or run upgrades it" : "")})"
            : $"no state schema yet (the first once or run creates version {PostgresDatabase.SchemaVersion})";
        await stderr.WriteLineAsync($"newsingest check: state {where}: PostgreSQL {probe.ServerVersion}, {schema}");
        return null;
    }

    /// <summary><paramref name="connectionString"/> with its password, if any, shown as <c>***</c>.</summary>
    private static string Masked(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }
}
