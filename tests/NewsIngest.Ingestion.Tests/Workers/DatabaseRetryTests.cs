using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Workers;
using Npgsql;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class DatabaseRetryTests
{
    [Fact]
    public async Task A_worker_whose_connections_are_ended_reports_one_line_and_its_next_call_succeeds_on_a_new_connection()
    {
        // Given a worker's pooled connections, all ended by the server (pg_terminate_backend)
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var name = "leases-retry-" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { ApplicationName = name }.ConnectionString;
        await using var database = await PostgresDatabase.OpenAsync(connectionString, default);
        var registry = new WorkerRegistry(database.DataSource, TimeSpan.FromSeconds(30));
        var registration = await registry.RegisterAsync("a", default);
        await using (var admin = new NpgsqlConnection(schema.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", admin);
            kill.Parameters.Add(new NpgsqlParameter { Value = name });
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        // When it renews through the retry
        var log = new LinesLogger();
        var retry = new DatabaseRetry(TimeProvider.System, log);
        var renewed = await retry.RunAsync(token => registry.RenewAsync(registration, token), default);

        // Then the renewal went through, and the trouble was one line, its end another
        Assert.True(renewed);
        Assert.Single(log.Lines, l => l.StartsWith("PostgreSQL unreachable", StringComparison.Ordinal));
        Assert.Single(log.Lines, l => l.StartsWith("PostgreSQL reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_query_is_not_retried()
    {
        Assert.False(DatabaseRetry.IsTransient(new PostgresException("syntax", "ERROR", "ERROR", "42601")));
        Assert.True(DatabaseRetry.IsTransient(new PostgresException("terminating connection", "FATAL", "FATAL", "57P01")));
    }

    private sealed class LinesLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
