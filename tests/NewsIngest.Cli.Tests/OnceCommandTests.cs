using NewsIngest.Extraction;

namespace NewsIngest.Cli.Tests;

public sealed class OnceCommandTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(5).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_second_once_over_unchanged_pages_writes_nothing_and_counts_them_not_modified()
    {
        var first = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        var second = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(5, Workspace.Count(first.Stdout, "new"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(5, Workspace.Count(second.Stdout, "not modified"));
        Assert.Equal(0, Workspace.Count(second.Stdout, "fetched"));
        Assert.Equal(5, _work.Records().Count);
        Assert.Contains($"records written to {_work.RecordsDirectory}", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_page_yields_one_new_version_exactly_when_its_preview_changed()
    {
        await NewsIngestExecutable.RunAsync(_work.Args("once"));
        var before = Extract("p0003.html");
        _work.WritePage("p0003.html", "Story number 3", "The council reversed its vote on the budget after a late amendment.");
        File.SetLastWriteTimeUtc(Path.Combine(_work.PagesDirectory, "p0003.html"), DateTime.UtcNow.AddMinutes(1));
        var previewChanged = Extract("p0003.html") != before;

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        // The pass writes version 2 if and only if the extractor sees a different preview; the other four pages are 304s.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, Workspace.Count(result.Stdout, "fetched"));
        Assert.Equal(4, Workspace.Count(result.Stdout, "not modified"));
        Assert.Equal(previewChanged ? 1 : 0, Workspace.Count(result.Stdout, "changed"));
        Assert.Equal(previewChanged ? 0 : 1, Workspace.Count(result.Stdout, "unchanged"));
        var versions = _work.Records()
            .Where(r => r.GetProperty("url").GetString()!.EndsWith("p0003.html", StringComparison.Ordinal))
            .Select(r => r.GetProperty("version").GetInt32())
            .ToList();
        Assert.Equal(previewChanged ? [1, 2] : [1], versions);
        Assert.Equal(previewChanged ? 6 : 5, _work.Records().Count);
    }

    [Fact]
    public async Task Switches_override_the_output_and_state_paths_of_the_config_file()
    {
        var output = Path.Combine(_work.Root, "elsewhere", "out");
        var state = Path.Combine(_work.Root, "elsewhere", "state.db");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once", "--output", output, "--state", state));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, Directory.GetFiles(output, "*.jsonl").SelectMany(File.ReadAllLines).Count());
        Assert.True(File.Exists(state));
        Assert.False(Directory.Exists(_work.RecordsDirectory));
    }

    [Fact]
    public async Task An_environment_variable_overrides_the_config_file()
    {
        var output = Path.Combine(_work.Root, "from-env");

        var result = await NewsIngestExecutable.RunAsync(
            _work.Args("once"), new Dictionary<string, string> { ["NEWSINGEST_OUTPUT__DIRECTORY"] = output });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, Directory.GetFiles(output, "*.jsonl").SelectMany(File.ReadAllLines).Count());
    }

    [Fact]
    public async Task Environment_variables_that_name_no_setting_are_left_to_the_tools_they_belong_to()
    {
        var result = await NewsIngestExecutable.RunAsync(
            _work.Args("once"),
            new Dictionary<string, string>
            {
                ["NEWSINGEST_TEST_POSTGRES"] = "Host=127.0.0.1;Port=5999",
                ["NEWSINGEST_PG_BIN"] = "/usr/lib/postgresql/15/bin",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, _work.Records().Count);
    }

    [Fact]
    public async Task A_typo_inside_a_section_named_by_an_environment_variable_is_refused_with_its_key()
    {
        var result = await NewsIngestExecutable.RunAsync(
            _work.Args("once"), new Dictionary<string, string> { ["NEWSINGEST_OUTPUT__DIRECTROY"] = "x" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("DIRECTROY: unknown key (did you mean 'Directory'?)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_makes_the_run_exit_1_while_the_other_pages_are_written()
    {
        File.WriteAllText(_work.ConfigPath, File.ReadAllText(_work.ConfigPath)
            .Replace("\"Urls\": [ \"pages\" ]", "\"Urls\": [ \"pages\", \"pages/not-there.html\" ]", StringComparison.Ordinal));

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(5, _work.Records().Count);
        Assert.Contains("not-there.html", result.Stderr, StringComparison.Ordinal);
    }

    private string Extract(string page)
    {
        var path = Path.Combine(_work.PagesDirectory, page);
        return ExtractionPipeline.Default.Extract(new PageInput(File.ReadAllText(path), new Uri(path))).Record!.ContentHash;
    }
}
