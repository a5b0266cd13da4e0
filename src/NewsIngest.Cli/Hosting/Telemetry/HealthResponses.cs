using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Health;

namespace NewsIngest.Cli.Hosting.Telemetry;

/// <summary>
/// The health answers, plain text with one line: <c>/healthz/live</c> is 200 while the worker's loop beats, 503 once it
/// has stopped or fallen silent; <c>/healthz/ready</c> is 200 when the worker is running (not starting, not draining)
/// and the state (file or PostgreSQL schema) opens and reads, else 503 with the reason. Anything else is 404.
/// </summary>
internal sealed class HealthResponses(WorkerHealth health, StateOptions state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await WriteAsync(response, StatusCodes.Status405MethodNotAllowed, "GET or HEAD only", context.RequestAborted);
            return;
        }

        var (status, text) = context.Request.Path.Value switch
        {
            "/healthz/live" => Live(),
            "/healthz/ready" => await ReadyAsync(context.RequestAborted),
            _ => (StatusCodes.Status404NotFound, "not found: /metrics, /healthz/live, /healthz/ready"),
        };
        await WriteAsync(response, status, text, context.RequestAborted);
    }

    private (int, string) Live() =>
        health.IsLive ? (StatusCodes.Status200OK, "live")
        : health.IsEnded ? (StatusCodes.Status503ServiceUnavailable, "not live: the worker has stopped")
        : (StatusCodes.Status503ServiceUnavailable, $"not live: no heartbeat for {health.SinceLastBeat.TotalSeconds:0} s");

    private async Task<(int, string)> ReadyAsync(CancellationToken cancellationToken)
    {
        if (health.IsDraining)
        {
            return (StatusCodes.Status503ServiceUnavailable, "not ready: draining (stop requested)");
        }

        if (!health.IsRunning)
        {
            return (StatusCodes.Status503ServiceUnavailable, health.IsEnded ? "not ready: the worker has stopped" : "not ready: starting");
        }

        return await StateProbe.CheckAsync(state, cancellationToken) is { } problem
            ? (StatusCodes.Status503ServiceUnavailable, "not ready: " + problem)
            : (StatusCodes.Status200OK, "ready");
    }

    private static Task WriteAsync(HttpResponse response, int status, string text, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n", cancellationToken);
    }
}
