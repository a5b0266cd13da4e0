using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;

namespace NewsIngest.Cli.Hosting.Progress;

/// <summary>Sets up what <c>once</c> shows while its pass runs, for a <see cref="ConsoleMode"/>.</summary>
internal static class ProgressRegistration
{
    public static void Add(HostApplicationBuilder builder, ConsoleMode mode)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new LoggingPassObserver(
            sp.GetRequiredService<IOptions<NewsIngestOptions>>().Value.Pass, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IngestionPass>>())
        {
            LogsProgress = mode.LogProgress,
            LogsSummary = mode.LogSummary,
        }));
        if (!mode.LiveLine)
        {
            return;
        }

        // The console log sink writes to Console.Error: through the line's writer, log lines go above the live line.
        var line = new ProgressLine(Console.Error);
        Console.SetError(line.Writer);
        builder.Services.AddSingleton(line);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPassObserver, TerminalProgress>(
            sp => new TerminalProgress(line, sp.GetRequiredService<TimeProvider>())));
    }
}
