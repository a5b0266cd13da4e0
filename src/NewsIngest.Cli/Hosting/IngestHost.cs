using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Configuration.Checking;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Hosting;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Workers;
using Serilog;
using Serilog.Events;

namespace NewsIngest.Cli.Hosting;

/// <summary>
/// Builds the Generic Host shared by <c>once</c>, <c>run</c> and <c>reprocess</c>: configuration from the JSON file,
/// then <c>NEWSINGEST_*</c> environment variables, then switches; Serilog from the file's <c>Serilog</c> section
/// (console on stderr when it names no sink); the ingestion services.
/// </summary>
public static class IngestHost
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";

    /// <summary>A host builder for the parsed command; throws <see cref="StartupError"/> for a missing or bad file.</summary>
    public static HostApplicationBuilder CreateBuilder(ParseResult parse)
    {
        var file = parse.GetValue(IngestSwitches.Config)!;
        if (!file.Exists)
        {
            throw new StartupError($"config file '{file.FullName}' not found");
        }

        var directory = file.DirectoryName!;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "newsingest",
            ContentRootPath = directory,
        });
        builder.Configuration.AddInMemoryCollection([new("NewsIngest:BaseDirectory", directory)]);
        JsonSyntax.Check(file.FullName);
        try
        {
            builder.Configuration.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
        }
        catch (InvalidDataException ex)
        {
            throw new StartupError($"config file '{file.FullName}' is not valid JSON: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        builder.Configuration.AddInMemoryCollection(EnvironmentOverrides.Read(Environment.GetEnvironmentVariables()));
        builder.Configuration.AddInMemoryCollection(SwitchOverrides(parse));
        AddLogging(builder, parse.GetValue(GlobalOptions.Verbose));
        builder.Services.AddNewsIngestCore(builder.Configuration);
        builder.Services.AddNewsIngestFetching(builder.Configuration);
        // The discovery cache lives in the state of State:Provider (registered first: discovery's own default yields).
        builder.Services.TryAddSingleton<IDiscoveryCache>(sp => StateBackend.CreateDiscoveryCache(
            sp.GetRequiredService<IOptions<NewsIngestOptions>>().Value.State,
            sp.GetRequiredService<IOptions<DiscoveryOptions>>().Value.CacheDatabasePath,
            new DatabaseRetry(sp.GetService<TimeProvider>() ?? TimeProvider.System,
                Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<RetryingDiscoveryCache>(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))));
        builder.Services.AddNewsIngestDiscovery();
        builder.Services.AddOptions<DiscoveryOptions>()
            .Configure<IOptions<NewsIngestOptions>>((discovery, ingest) => discovery.CacheDatabasePath ??= ingest.Value.State.Path);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleDiscoverer, SourceDiscoverer>(
            sp => sp.GetRequiredService<SourceDiscoverer>()));
        return builder;
    }

    /// <summary>
    /// The checked, validated options: keys and values of every section (<see cref="ConfigurationChecker"/>), the
    /// options' own rules, then the writability of output, state and archive locations. Every failure becomes one
    /// line naming its key (a <see cref="StartupError"/>). <c>check</c>, <c>once</c> and <c>run</c> all go through it;
    /// the read-only inspection commands pass <paramref name="checkPaths"/> false (they write nothing).
    /// </summary>
    public static NewsIngestOptions ValidatedOptions(IServiceProvider services, bool checkPaths = true)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var failures = ConfigurationChecker.Check(configuration);
        if (failures.Count > 0)
        {
            throw new StartupError("invalid configuration: " + string.Join("; ", failures));
        }

        NewsIngestOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<NewsIngestOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupError("invalid configuration: " + string.Join("; ", ex.Failures), ex);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key: "Failed to convert configuration value at 'NewsIngest:…' to type …".
            throw new StartupError("invalid configuration: " + ex.Message, ex);
        }

        var paths = checkPaths ? PathWritability.Check(options) : [];
        return paths.Count == 0 ? options : throw new StartupError("invalid configuration: " + string.Join("; ", paths));
    }

    private static IEnumerable<KeyValuePair<string, string?>> SwitchOverrides(ParseResult parse)
    {
        // Paths given on the command line are relative to the working directory, not to the config file.
        if (parse.GetValue(IngestSwitches.Output) is { } output)
        {
            yield return new("NewsIngest:Output:Directory", output.FullName);
        }

        if (parse.GetValue(IngestSwitches.State) is { } state)
        {
            yield return new("NewsIngest:State:Path", state.FullName);
        }

        if (parse.GetValue(IngestSwitches.Archive))
        {
            yield return new("NewsIngest:Output:Archive", "true");
        }
    }

    private static void AddLogging(HostApplicationBuilder builder, bool verbose)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration);
            if (!configuration.GetSection("Serilog:WriteTo").Exists())
            {
                // stderr for every level: stdout carries the summary line that scripts read.
                logger.WriteTo.Console(
                    outputTemplate: verbose ? ConsoleTemplate + "{Exception}" : ConsoleTemplate,
                    formatProvider: CultureInfo.InvariantCulture,
                    standardErrorFromLevel: LogEventLevel.Verbose);
            }

            if (verbose)
            {
                logger.MinimumLevel.Debug();
            }
            else if (!configuration.GetSection("Serilog:MinimumLevel").Exists())
            {
                logger.MinimumLevel.Information();
            }

            logger.MinimumLevel.Override("Microsoft", verbose ? LogEventLevel.Information : LogEventLevel.Warning);

            // HttpClientFactory and Polly log several lines per request at Information: quiet unless asked for.
            foreach (var source in new[] { "System.Net.Http", "Polly" })
            {
                if (!configuration.GetSection($"Serilog:MinimumLevel:Override:{source}").Exists())
                {
                    logger.MinimumLevel.Override(source, verbose ? LogEventLevel.Debug : LogEventLevel.Warning);
                }
            }
        });
    }
}
