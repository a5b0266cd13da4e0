namespace NewsIngest.Cli.Tests;

/// <summary>Bad configurations in every section: exit 2, one line naming the key, with and without --verbose.</summary>
public sealed class ConfigurationCheckTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(1);

    public void Dispose() => _work.Dispose();

    public static TheoryData<string, string, string> BadConfigurations => new()
    {
        { ", \"Outptu\": { \"Directory\": \"x\" }", "NewsIngest:Outptu: unknown key (did you mean 'Output'?)", "once" },
        { ", \"Http\": { \"AtemptTimeout\": \"00:00:05\" }", "NewsIngest:Http:AtemptTimeout: unknown key (did you mean 'AttemptTimeout'?)", "check" },
        { ", \"Http\": { \"AttemptTimeout\": \"ten seconds\" }", "NewsIngest:Http:AttemptTimeout: \"ten seconds\" is not a duration (use 00:00:10)", "once" },
        { ", \"Http\": { \"MaxRetries\": 99 }", "NewsIngest:Http:MaxRetries: The field MaxRetries must be between 0 and 10.", "run" },
        { ", \"Politeness\": { \"ObeyRobot\": false }", "NewsIngest:Politeness:ObeyRobot: unknown key (did you mean 'ObeyRobots'?)", "once" },
        { ", \"Politeness\": { \"ObeyRobots\": \"sometimes\" }", "NewsIngest:Politeness:ObeyRobots: \"sometimes\" is not true or false", "check" },
        { ", \"Discovery\": { \"MaxItemsPerFeed\": \"lots\" }", "NewsIngest:Discovery:MaxItemsPerFeed: \"lots\" is not a whole number (use 10)", "once" },
        { ", \"Discovery\": { \"MaxSitemapDepht\": 2 }", "NewsIngest:Discovery:MaxSitemapDepht: unknown key (did you mean 'MaxSitemapDepth'?)", "run" },
        { ", \"Pass\": { \"MaxConcurrency\": \"many\" }", "NewsIngest:Pass:MaxConcurrency: \"many\" is not a whole number (use 10)", "once" },
        { ", \"Extraction\": { \"MaxPageTime\": \"soon\" }", "NewsIngest:Extraction:MaxPageTime: \"soon\" is not a duration (use 00:00:10)", "check" },
        { ", \"TimeZon\": \"UTC\"", "NewsIngest:TimeZon: unknown key (did you mean 'TimeZone'?)", "once" },
        { ", \"Extraction\": { \"TemplateSitesInMemory\": 0 }", "NewsIngest:Extraction:TemplateSitesInMemory: must be 1..100000 (got 0)", "check" },
        { ", \"Extraction\": { \"MaxPreviewChars\": 10 }", "NewsIngest:Extraction:MaxPreviewChars: must be 1000..10000000 (got 10)", "check" },
        { ", \"Http\": { \"MaxBodyBytes\": 10485760, \"MaxBytesInFlight\": 5242880 }", "NewsIngest:Http:MaxBytesInFlight: must be at least MaxBodyBytes (10485760), or no page could start (got 5242880)", "check" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task A_bad_configuration_is_exit_2_and_one_line_naming_the_key_with_and_without_verbose(string extra, string expected, string verb)
    {
        _work.WithConfig(extra: extra);

        foreach (var verbose in new[] { false, true })
        {
            string[] args = verbose ? ["--verbose", .. _work.Args(verb)] : [.. _work.Args(verb)];
            var result = await NewsIngestExecutable.RunAsync(args);

            Assert.True(result.ExitCode == 2, result.ToString());
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_work.Root, "data")), "nothing may be created before the config is valid");
    }

    [Fact]
    public async Task A_kept_template_text_without_a_word_is_refused_by_key()
    {
        _work.WithConfig(sourceExtra: ", \"KeepTemplateTexts\": [ \"Provided for information only\", \" -- \" ]");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("check"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("NewsIngest:Sources:0:KeepTemplateTexts:1: must hold a word", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_top_level_key_names_the_nearest_one()
    {
        File.WriteAllText(_work.ConfigPath, """{ "NewsIngset": { "Sources": [ { "Name": "l", "Urls": [ "pages" ] } ] } }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("check"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NewsIngset: unknown key (did you mean 'NewsIngest'?)", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain/records", "is a file, not a directory")]
    [InlineData("/proc/newsingest", "'/proc' is not writable")]
    public async Task An_unwritable_output_directory_is_refused_before_any_work(string directory, string expected)
    {
        File.WriteAllText(Path.Combine(_work.Root, "plain"), "x");
        File.WriteAllText(_work.ConfigPath, $$"""
            { "NewsIngest": { "Sources": [ { "Name": "l", "Urls": [ "pages" ] } ], "Output": { "Directory": "{{directory}}" } } }
            """);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("NewsIngest:Output:Directory:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_gives_line_and_column()
    {
        File.WriteAllText(_work.ConfigPath, "{\n  \"NewsIngest\": {\n    \"Sources\": [ oops ]\n  }\n}");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("check"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not valid JSON: line 3, column 18", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_the_effective_configuration_and_creates_nothing()
    {
        _work.WithConfig(extra: ", \"Http\": { \"MaxRetries\": 1 }");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("check"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var effective = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var section = effective.RootElement.GetProperty("NewsIngest");
        Assert.Equal(1, section.GetProperty("Http").GetProperty("MaxRetries").GetInt32());
        Assert.Equal(Path.Combine(_work.Root, "data", "records"), section.GetProperty("Output").GetProperty("Directory").GetString());
        Assert.Equal("00:00:10", section.GetProperty("Http").GetProperty("AttemptTimeout").GetString());
        Assert.False(Directory.Exists(Path.Combine(_work.Root, "data")));
    }
}
