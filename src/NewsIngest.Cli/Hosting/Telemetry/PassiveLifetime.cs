using Microsoft.Extensions.Hosting;

namespace NewsIngest.Cli.Hosting.Telemetry;

/// <summary>
/// The lifetime of the endpoint's own small web host: it ignores signals (the worker's host owns SIGTERM and Ctrl-C),
/// so the endpoint keeps answering (ready: 503) while the worker drains, and stops only when told.
/// </summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
