using System.Text.Json;

namespace NewsIngest.Cli.Tests.Inspection;

/// <summary><c>newsingest status</c> over a state made by real <c>once</c> runs.</summary>
[Collection(InspectedState.Collection)]
public sealed class StatusCommandTests(InspectedState state)
{
    [Fact]
    public async Task Shows_the_sources_last_pass_counts_records_failing_urls_and_the_next_pass_of_its_schedule()
    {
        var status = await state.JsonAsync("status");

        Assert.Equal(state.StatePath, status.GetProperty("state").GetString());
        var source = Assert.Single(status.GetProperty("sources").EnumerateArray());
        Assert.Equal(("loop", "00:10:00"), (source.GetProperty("name").GetString(), source.GetProperty("schedule").GetString()));
        var pass = source.GetProperty("lastPass");
        // The second pass: /news/moving changed, /news/steady 304, /news/gone 404, /news/down 503
        Assert.Equal(
            (4, 1, 0, 1, 0, 1, 2, 0, 0),
            (Int(pass, "pages"), Int(pass, "fetched"), Int(pass, "new"), Int(pass, "changed"), Int(pass, "unchanged"),
             Int(pass, "notModified"), Int(pass, "failed"), Int(pass, "robotsDenied"), Int(pass, "skipped")));
        Assert.False(pass.GetProperty("interrupted").GetBoolean());
        Assert.Equal(0, pass.GetProperty("problems").GetArrayLength());
        var started = pass.GetProperty("startedAt").GetDateTimeOffset();
        var finished = pass.GetProperty("finishedAt").GetDateTimeOffset();
        Assert.True(started <= finished);
        Assert.Equal(Math.Round((finished - started).TotalSeconds, 3), pass.GetProperty("durationSeconds").GetDouble(), 3);
        // An interval schedule starts the next pass that long after the last one finished, as 'run' does.
        Assert.Equal(finished.AddMinutes(10), source.GetProperty("nextPassAt").GetDateTimeOffset());
        // Records: /news/steady version 1 and /news/moving versions 1 and 2.
        Assert.Equal((4, 3, 2), (Int(source, "urls"), Int(source, "records"), Int(source, "failing")));
        Assert.Equal(3, state.Work.Records().Count);
    }

    [Fact]
    public async Task Shows_each_hosts_urls_failures_streak_and_robots()
    {
        var hosts = (await state.JsonAsync("status")).GetProperty("hosts").EnumerateArray()
            .ToDictionary(h => h.GetProperty("host").GetString()!);

        Assert.Equal(2, hosts.Count);
        var down = hosts[state.DownHost];
        Assert.Equal((1, 1, 1), (Int(down, "urls"), Int(down, "failing"), Int(down, "failureStreak")));
        Assert.Equal("HTTP 503 Service Unavailable", down.GetProperty("lastError").GetString());
        var news = hosts[state.NewsHost];
        Assert.Equal((3, 1), (Int(news, "urls"), Int(news, "failing")));
        Assert.Equal("ok", news.GetProperty("robots").GetString());
        Assert.Equal("HTTP 404 Not Found", news.GetProperty("lastError").GetString());
        // The three were fetched in one pass in no fixed order: the 404 is the streak only when it came last.
        Assert.InRange(Int(news, "failureStreak"), 0, 1);
    }

    [Fact]
    public async Task The_tables_are_aligned_under_their_headers()
    {
        var result = await state.RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"state {state.StatePath} (schema ", lines[0], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, l => l.StartsWith("SOURCE ", StringComparison.Ordinal));
        var row = lines[header + 1];
        Assert.StartsWith("loop ", row, StringComparison.Ordinal);
        // Numbers end where their header ends; the next pass starts where its header starts.
        Assert.Equal("4", row[..End(lines[header], "PAGES")].Split(' ')[^1]);
        Assert.Equal("3", row[..End(lines[header], "RECORDS")].Split(' ')[^1]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z", row[lines[header].IndexOf("NEXT PASS", StringComparison.Ordinal)..]);
        var hosts = Array.FindIndex(lines, l => l.StartsWith("HOST ", StringComparison.Ordinal));
        Assert.Contains(lines[(hosts + 1)..], l => l.StartsWith(state.DownHost + " ", StringComparison.Ordinal) && l.EndsWith("HTTP 503 Service Unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_source_that_never_ran_says_so_with_the_next_pass_from_now()
    {
        // Given the same state under a config with one more source
        var config = Path.Combine(state.Work.Root, "two-sources.json");
        var json = File.ReadAllText(state.Work.ConfigPath).Replace(
            "\"Sources\": [ {", "\"Sources\": [ { \"Name\": \"later\", \"Urls\": [ \"https://later.test/a\" ], \"Schedule\": \"*/15 * * * *\" }, {", StringComparison.Ordinal);
        File.WriteAllText(config, json);

        var result = await NewsIngestExecutable.RunAsync(["status", "--config", config, "--json"], timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var status = JsonDocument.Parse(result.Stdout).RootElement;
        var later = status.GetProperty("sources")[0];
        Assert.Equal("later", later.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, later.GetProperty("lastPass").ValueKind);
        Assert.Equal((0, 0L), (Int(later, "urls"), later.GetProperty("records").GetInt64()));
        var next = later.GetProperty("nextPassAt").GetDateTimeOffset();
        Assert.True(next > status.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(0, next.Minute % 15);
        Assert.Equal("loop", status.GetProperty("sources")[1].GetProperty("name").GetString());
    }

    private static int Int(JsonElement element, string property) => element.GetProperty(property).GetInt32();

    private static int End(string header, string column) => header.IndexOf(column, StringComparison.Ordinal) + column.Length;
}
