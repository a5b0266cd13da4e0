namespace NewsIngest.Cli.Tests;

public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(1);

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("every five minutes", "", "NewsIngest:Sources:0:Schedule")]
    [InlineData("*/15 * * * *", ", \"Include\": [ \"([oops\" ]", "NewsIngest:Sources:0:Include:0")]
    public async Task A_bad_value_stops_before_any_work_with_exit_2_and_one_line_naming_the_key(string schedule, string sourceExtra, string key)
    {
        _work.WithConfig(schedule, sourceExtra: sourceExtra);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsingest once: invalid configuration: " + key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work.Root, "data")), "nothing may be created before the config is valid");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_key()
    {
        _work.WithConfig(extra: ", \"Pass\": { \"MaxConcurrency\": \"many\" }");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("NewsIngest:Pass:MaxConcurrency", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_that_is_not_JSON_or_not_there_is_exit_2_in_one_line()
    {
        File.WriteAllText(_work.ConfigPath, "{ \"NewsIngest\": ");
        var broken = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        var missing = await NewsIngestExecutable.RunAsync(["once", "--config", Path.Combine(_work.Root, "nope.json")]);

        Assert.Equal((2, 2), (broken.ExitCode, missing.ExitCode));
        Assert.Contains("is not valid JSON", Assert.Single(broken.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("not found", Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
