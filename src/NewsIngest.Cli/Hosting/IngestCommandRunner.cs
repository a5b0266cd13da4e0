using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Cli.Hosting;

/// <summary>
/// The frame of every ingestion verb: build the host, validate the configuration (exit 2, one line naming the key),
/// take the run lock (exit 3, naming the holder's pid; not for once/run on PostgreSQL, where leases replace it), run the body, and turn start-up faults into one line.
/// </summary>
public static class IngestCommandRunner
{
    /// <summary>What a verb does once configured and locked; returns the exit code.</summary>
    public delegate Task<int> Body(IHost host, NewsIngestOptions options, CancellationToken cancellationToken);

    public static async Task<int> RunAsync(
        ParseResult parse, string verb, Action<HostApplicationBuilder>? configure, Body body, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        IHost host;
        NewsIngestOptions options;
        try
        {
            var builder = IngestHost.CreateBuilder(parse);
            configure?.Invoke(builder);
            host = builder.Build();
            options = IngestHost.ValidatedOptions(host.Services);
        }
        catch (StartupError ex)
        {
            await stderr.WriteLineAsync($"newsingest {verb}: {ErrorText.OneLine(ex.Message)}");
            return ExitCodes.UsageOrInput;
        }

        using (host)
        {
            // On PostgreSQL several once/run workers run at once: host leases and the fenced commit replace the run lock.
            RunLock? runLock = null;
            if ((options.State.Provider != StateProvider.Postgres || verb is not ("once" or "run"))
                && !RunLock.TryAcquire(options.State.EffectiveLockPath, out runLock, out var message))
            {
                await stderr.WriteLineAsync($"newsingest {verb}: {message}");
                return ExitCodes.Locked;
            }

            using (runLock)
            {
                try
                {
                    return await body(host, options, cancellationToken);
                }
                catch (Exception ex) when (IsStorageFault(ex))
                {
                    await stderr.WriteLineAsync(parse.GetValue(GlobalOptions.Verbose)
                        ? $"newsingest {verb}: {ex}"
                        : $"newsingest {verb}: {ErrorText.OneLine(ex.Message)}");
                    return ExitCodes.StorageUnavailable;
                }
                catch (Exception ex) when (ex is SqliteException or InvalidDataException or UnauthorizedAccessException
                    && !parse.GetValue(GlobalOptions.Verbose))
                {
                    // State file unreadable, from a newer build, or a directory we may not write: nothing was done.
                    await stderr.WriteLineAsync($"newsingest {verb}: {ErrorText.OneLine(ex.Message)} (run with --verbose for details)");
                    return ExitCodes.UsageOrInput;
                }
            }
        }
    }

    // A full disk or an I/O error of the output or state (SQLite: SQLITE_FULL 13, SQLITE_IOERR 10) before or
    // between passes. Failures of single pages are counted by the pass instead.
    private static bool IsStorageFault(Exception ex) =>
        ex is OutputUnavailableException || ex is SqliteException { SqliteErrorCode: 13 or 10 } || ex.GetType() == typeof(IOException);
}
