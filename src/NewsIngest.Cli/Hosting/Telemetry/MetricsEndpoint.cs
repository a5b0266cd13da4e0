using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Health;
using NewsIngest.Ingestion.Telemetry;
using OpenTelemetry.Metrics;

namespace NewsIngest.Cli.Hosting.Telemetry;

/// <summary>
/// The <c>run</c> worker's HTTP endpoint on <c>NewsIngest:Metrics:Listen</c>, on Kestrel: <c>/metrics</c> (Prometheus
/// text format), <c>/healthz/live</c> and <c>/healthz/ready</c> (<see cref="HealthResponses"/>). Started before the
/// worker's host and stopped after it, so readiness answers 503 through the drain instead of going away.
/// </summary>
internal sealed partial class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound base address (the real port when the configuration asked for port 0).</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts the endpoint when <c>Listen</c> is set (else returns null). A port that cannot be bound is a
    /// <see cref="StartupError"/> naming the key, before the worker starts.
    /// </summary>
    public static async Task<MetricsEndpoint?> StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.ListenAddress is not { } listen)
        {
            return null;
        }

        var loggers = services.GetRequiredService<ILoggerFactory>();
        var health = new HealthResponses(
            services.GetRequiredService<WorkerHealth>(), services.GetRequiredService<IOptions<NewsIngestOptions>>().Value.State);
        var meters = services.GetRequiredService<MeterProvider>();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "newsingest-metrics" });
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggers))
            // A failed bind is reported once, as the StartupError below, not also as "Hosting failed to start".
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxConcurrentConnections = 64;
            if (listen.IsLocalhost)
            {
                kestrel.ListenLocalhost(listen.Port);
            }
            else if (listen.AnyAddress)
            {
                kestrel.ListenAnyIP(listen.Port);
            }
            else
            {
                kestrel.Listen(listen.Address!, listen.Port);
            }
        });
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, context => context.Request.Path == "/metrics", null, null, null);
        app.Run(health.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new StartupError($"{MetricsOptions.SectionName}:Listen: cannot listen on {options.Listen}: {ErrorText.OneLine(ex.Message)}", ex);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{listen.Host}:{listen.Port}";
        var address = new Uri(bound.Replace("[::]", IPAddress.Loopback.ToString(), StringComparison.Ordinal).TrimEnd('/') + "/");
        Listening(loggers.CreateLogger<MetricsEndpoint>(), address);
        return new MetricsEndpoint(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The worker's loggers (its Serilog pipeline), behind the endpoint host's own filters.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory loggers) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => loggers.CreateLogger(categoryName);

        public void Dispose()
        {
            // The worker's host owns the factory.
        }
    }

    [LoggerMessage(201, LogLevel.Information, "Metrics and health on {Address} (/metrics, /healthz/live, /healthz/ready)")]
    private static partial void Listening(ILogger logger, Uri address);
}
