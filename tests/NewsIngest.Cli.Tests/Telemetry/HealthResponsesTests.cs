using Microsoft.AspNetCore.Http;
using NewsIngest.Cli.Hosting.Telemetry;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Health;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Tests.Telemetry;

public sealed class HealthResponsesTests
{
    private readonly WorkerHealth _health = new(TimeProvider.System);

    [Fact]
    public async Task Ready_is_503_while_starting_and_while_draining_and_live_is_503_once_the_worker_ended()
    {
        var responses = new HealthResponses(_health, new StateOptions { Path = "/nonexistent/never-opened.db" });

        Assert.Equal((503, "not ready: starting"), await GetAsync(responses, "/healthz/ready"));
        Assert.Equal((200, "live"), await GetAsync(responses, "/healthz/live"));

        _health.MarkRunning();
        _health.MarkDraining();
        Assert.Equal((503, "not ready: draining (stop requested)"), await GetAsync(responses, "/healthz/ready"));

        _health.MarkEnded();
        Assert.Equal((503, "not live: the worker has stopped"), await GetAsync(responses, "/healthz/live"));
        Assert.Equal(405, (await GetAsync(responses, "/healthz/live", "POST")).Status);
    }

    [Fact]
    public async Task A_running_worker_on_postgres_is_ready_when_its_schema_is_reachable_and_no_state_file_is_looked_for()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var state = new StateOptions { Provider = StateProvider.Postgres, ConnectionString = schema.ConnectionString, Path = "/nonexistent/never-opened.db" };
        await using (await StateBackend.OpenAsync(state, default))
        {
        }

        var responses = new HealthResponses(_health, state);
        _health.MarkRunning();

        Assert.Equal((200, "ready"), await GetAsync(responses, "/healthz/ready"));
    }

    private static async Task<(int Status, string Body)> GetAsync(HealthResponses responses, string path, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await responses.HandleAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()).Trim());
    }
}
