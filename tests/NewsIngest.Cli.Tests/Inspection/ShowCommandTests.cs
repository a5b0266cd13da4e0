namespace NewsIngest.Cli.Tests.Inspection;

/// <summary><c>newsingest show</c> over a state made by real <c>once</c> runs.</summary>
[Collection(InspectedState.Collection)]
public sealed class ShowCommandTests(InspectedState state)
{
    [Fact]
    public async Task Shows_a_changed_urls_validators_versions_and_its_latest_record()
    {
        var shown = await state.JsonAsync("show", state.Moving);

        var url = shown.GetProperty("state");
        Assert.Equal(state.Moving, url.GetProperty("url").GetString());
        Assert.Equal("loop", url.GetProperty("source").GetString());
        Assert.Equal("ok", url.GetProperty("lastStatus").GetString());
        Assert.False(url.GetProperty("failing").GetBoolean());
        Assert.Equal(2, url.GetProperty("version").GetInt32());
        Assert.Equal(0, url.GetProperty("attempts").GetInt32());
        Assert.StartsWith("\"", url.GetProperty("etag").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, url.GetProperty("lastModified").ValueKind);
        var record = shown.GetProperty("record");
        Assert.Equal(2, record.GetProperty("version").GetInt32());
        Assert.Equal("Rates cut", record.GetProperty("headline").GetString());
        Assert.Equal(url.GetProperty("recordId").GetString(), record.GetProperty("id").GetString());
        Assert.True(File.Exists(shown.GetProperty("recordFile").GetString()));
    }

    [Fact]
    public async Task Shows_the_etag_the_state_sends_back_on_the_next_pass()
    {
        var url = (await state.JsonAsync("show", state.Steady)).GetProperty("state");

        Assert.Equal(state.SteadyETag, url.GetProperty("etag").GetString());
        Assert.Equal("not-modified", url.GetProperty("lastStatus").GetString());
        Assert.Equal(1, url.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Shows_a_failing_url_with_its_status_reason_and_attempts_and_no_record()
    {
        var result = await state.RunAsync("show", state.Gone);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("http-404 (failing): HTTP 404 Not Found", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^attempts\s+2 since the last success$", result.Stdout);
        Assert.Matches(@"(?m)^record\s+none written$", result.Stdout);
        var url = (await state.JsonAsync("show", state.Gone)).GetProperty("state");
        Assert.True(url.GetProperty("failing").GetBoolean());
        Assert.Equal("HTTP 404 Not Found", url.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Finds_the_same_url_by_its_record_id()
    {
        var byUrl = await state.JsonAsync("show", state.Moving);
        var id = byUrl.GetProperty("record").GetProperty("id").GetString()!;

        var byId = await state.JsonAsync("show", id);

        Assert.Equal(state.Moving, byId.GetProperty("state").GetProperty("url").GetString());
        Assert.Equal(2, byId.GetProperty("record").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_url_is_one_line_and_exit_5()
    {
        var result = await state.RunAsync("show", state.Steady + "-never-listed");

        Assert.True(result.ExitCode == ExitCodes.NotFound, result.ToString());
        Assert.Equal($"newsingest show: {state.Steady}-never-listed is not in the state at {state.StatePath}", result.Stderr.Trim());
        Assert.Empty(result.Stdout);
    }
}
