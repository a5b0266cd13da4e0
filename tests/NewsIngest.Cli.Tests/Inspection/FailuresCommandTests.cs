namespace NewsIngest.Cli.Tests.Inspection;

/// <summary><c>newsingest failures</c> over a state made by real <c>once</c> runs.</summary>
[Collection(InspectedState.Collection)]
public sealed class FailuresCommandTests(InspectedState state)
{
    [Fact]
    public async Task Lists_every_failing_url_with_status_reason_and_time_and_nothing_else()
    {
        var failures = (await state.JsonAsync("failures")).GetProperty("failures").EnumerateArray().ToList();

        Assert.Equal(new[] { state.Down, state.Gone }.Order(StringComparer.Ordinal), failures.Select(f => f.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
        var gone = failures.Single(f => f.GetProperty("url").GetString() == state.Gone);
        Assert.Equal("http-404", gone.GetProperty("status").GetString());
        Assert.Equal("HTTP 404 Not Found", gone.GetProperty("reason").GetString());
        Assert.Equal("loop", gone.GetProperty("source").GetString());
        Assert.Equal(2, gone.GetProperty("attempts").GetInt32());
        var down = failures.Single(f => f.GetProperty("url").GetString() == state.Down);
        Assert.Equal("http-503", down.GetProperty("status").GetString());
        Assert.Equal("HTTP 503 Service Unavailable", down.GetProperty("reason").GetString());
        // The time is the last failure's, the one show reports.
        var shown = (await state.JsonAsync("show", state.Gone)).GetProperty("state");
        Assert.Equal(shown.GetProperty("lastErrorAt").GetDateTimeOffset(), gone.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_table_names_the_reason_of_each_failure()
    {
        var result = await state.RunAsync("failures");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("AT (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(state.Gone, StringComparison.Ordinal) && l.EndsWith("HTTP 404 Not Found", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(state.Down, StringComparison.Ordinal) && l.EndsWith("HTTP 503 Service Unavailable", StringComparison.Ordinal));
        Assert.Equal("2 failing URL(s)", lines[^1]);
        // Aligned: the URL column starts at the same place on every row.
        Assert.Single(lines[..^1].Select(l => l.IndexOf("URL", StringComparison.Ordinal) is var h and >= 0 ? h : l.IndexOf("http://", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public async Task Since_keeps_only_failures_at_or_after_the_time()
    {
        var failures = (await state.JsonAsync("failures")).GetProperty("failures").EnumerateArray().ToList();
        var latest = failures.Max(f => f.GetProperty("at").GetDateTimeOffset());

        var after = (await state.JsonAsync("failures", "--since", latest.AddSeconds(1).ToString("O"))).GetProperty("failures");
        var from = (await state.JsonAsync("failures", "--since", latest.ToString("O"))).GetProperty("failures");
        var lastDay = (await state.JsonAsync("failures", "--since", "1d")).GetProperty("failures");

        Assert.Equal(0, after.GetArrayLength());
        Assert.True(from.GetArrayLength() >= 1);
        Assert.Equal(2, lastDay.GetArrayLength());
    }

    [Fact]
    public async Task A_since_that_is_no_time_is_exit_2_in_one_line()
    {
        var result = await state.RunAsync("failures", "--since", "yesterday-ish");

        Assert.True(result.ExitCode == ExitCodes.UsageOrInput, result.ToString());
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("--since 'yesterday-ish'", result.Stderr, StringComparison.Ordinal);
    }
}
