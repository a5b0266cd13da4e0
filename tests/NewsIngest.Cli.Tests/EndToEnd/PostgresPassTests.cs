using System.Text.Json;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// <c>once</c>, <c>status</c> and <c>check</c> with <c>State:Provider</c> = <c>Postgres</c> against a loopback news
/// site (feed, sitemap index, site discovery): the records are those SQLite's run writes, a second run writes none,
/// the inspection commands read the database, and no state file is made.
/// </summary>
public sealed class PostgresPassTests : IAsyncLifetime
{
    private readonly Workspace _sqlite = new();
    private readonly Workspace _postgres = new();
    private NewsServer _server = null!;
    private TestSchema _schema = null!;

    private Dictionary<string, string> Environment => new()
    {
        ["NEWSINGEST_STATE__PROVIDER"] = "Postgres",
        ["NEWSINGEST_STATE__CONNECTIONSTRING"] = _schema.ConnectionString,
    };

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.CreateSchemaAsync();
        _server = await NewsServer.StartAsync();
        LoopbackSites.ServeNewsSiteWithArticles(_server, paywalled: 2);
        foreach (var work in new[] { _sqlite, _postgres })
        {
            E2eConfig.Write(work, $$"""
                { "Name": "feeds", "Feeds": [ "{{_server.Url("/rss.xml")}}", "{{_server.Url("/feed.json")}}" ] },
                { "Name": "maps", "Sitemaps": [ "{{_server.Url("/sitemap_index.xml.gz")}}" ] },
                { "Name": "site", "Site": "{{_server.Url("/")}}" }
                """);
        }
    }

    [Fact]
    public async Task Once_on_postgres_writes_what_sqlite_writes_a_second_once_writes_nothing_and_status_reads_it()
    {
        var onSqlite = await NewsIngestExecutable.RunAsync(_sqlite.Args("once"), timeout: TimeSpan.FromSeconds(30));
        var first = await NewsIngestExecutable.RunAsync(_postgres.Args("once"), Environment, TimeSpan.FromSeconds(30));
        var second = await NewsIngestExecutable.RunAsync(_postgres.Args("once"), Environment, TimeSpan.FromSeconds(30));

        Assert.True(onSqlite.ExitCode == 0, onSqlite.ToString());
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(6, Workspace.Count(first.Stdout, "new"));
        Assert.Equal(Records(_sqlite), Records(_postgres));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, Workspace.Count(second.Stdout, "new"));
        Assert.Equal(0, Workspace.Count(second.Stdout, "changed"));
        Assert.Equal(6, _postgres.Records().Count);
        Assert.False(File.Exists(Path.Combine(_postgres.Root, "data", "state", "newsingest.db")), "a PostgreSQL run makes no state file");
        Assert.Equal(6, await ScalarAsync("SELECT count(*) FROM urls WHERE version = 1"));
        Assert.True(await ScalarAsync("SELECT count(*) FROM discovery_resources") >= 2, "the discovery cache is in the database");

        var status = await NewsIngestExecutable.RunAsync(_postgres.Args("status", "--json"), Environment);
        Assert.True(status.ExitCode == 0, status.ToString());
        var view = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.Equal(PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(_schema.ConnectionString)), view.GetProperty("state").GetString());
        Assert.Equal(6, view.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("records").GetInt32()));
    }

    [Fact]
    public async Task Check_reports_the_server_and_schema_versions_and_never_prints_the_password()
    {
        var masked = new NpgsqlConnectionStringBuilder(_schema.ConnectionString) { Password = "s3cret-word" }.ConnectionString;
        var environment = new Dictionary<string, string>(Environment) { ["NEWSINGEST_STATE__CONNECTIONSTRING"] = masked };

        var before = await NewsIngestExecutable.RunAsync(_postgres.Args("check"), environment);
        var tablesAfterCheck = await ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        await NewsIngestExecutable.RunAsync(_postgres.Args("once"), Environment, TimeSpan.FromSeconds(30));
        var after = await NewsIngestExecutable.RunAsync(_postgres.Args("check"), Environment);

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains($"state {PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(masked))}: PostgreSQL ", before.Stderr, StringComparison.Ordinal);
        Assert.Contains("no state schema yet", before.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-word", before.Stdout + before.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, tablesAfterCheck);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains($"schema version {PostgresDatabase.SchemaVersion} (this build's is {PostgresDatabase.SchemaVersion})", after.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_with_an_unreachable_server_is_exit_6_and_one_line_without_a_stack_trace()
    {
        // A loopback port nothing listens on: taken from the system, then let go.
        var port = await FreePortAsync();
        var environment = new Dictionary<string, string>(Environment)
        {
            ["NEWSINGEST_STATE__CONNECTIONSTRING"] = $"Host=127.0.0.1;Port={port};Database=newsingest;Username=ingest;Timeout=3",
        };

        var result = await NewsIngestExecutable.RunAsync(_postgres.Args("check"), environment);

        Assert.True(result.ExitCode == 6, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsingest check: cannot use the PostgreSQL state at postgres://127.0.0.1:{port}/newsingest: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_before_any_once_is_no_state_yet_and_with_an_unreachable_server_one_line()
    {
        var port = await FreePortAsync();
        var unreachable = new Dictionary<string, string>(Environment)
        {
            ["NEWSINGEST_STATE__CONNECTIONSTRING"] = $"Host=127.0.0.1;Port={port};Database=newsingest;Username=ingest;Timeout=3",
        };

        var empty = await NewsIngestExecutable.RunAsync(_postgres.Args("status"), Environment);
        var down = await NewsIngestExecutable.RunAsync(_postgres.Args("failures"), unreachable);

        Assert.True(empty.ExitCode == 5, empty.ToString());
        Assert.Contains(
            $"newsingest status: no state yet at {PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(_schema.ConnectionString))}",
            empty.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
        Assert.True(down.ExitCode == 2, down.ToString());
        var line = Assert.Single(down.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsingest failures: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", down.Stderr, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _schema.DisposeAsync();
        _sqlite.Dispose();
        _postgres.Dispose();
    }

    /// <summary>What a record says, without when it was fetched.</summary>
    private static List<string> Records(Workspace work) => work.Records()
        .Select(r => string.Join(" | ",
            r.GetProperty("url").GetString(),
            r.GetProperty("id").GetString(),
            r.GetProperty("version").GetInt32(),
            r.GetProperty("contentHash").GetString(),
            r.GetProperty("paywall").GetProperty("status").GetString(),
            r.GetProperty("preview").GetProperty("text").GetString()))
        .Order(StringComparer.Ordinal)
        .ToList();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<int> FreePortAsync()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Task.FromResult(port);
    }
}
