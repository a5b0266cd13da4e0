namespace NewsIngest.Cli.Tests.Errors;

/// <summary>What a mistyped command line prints: one line saying what is wrong, the right help to read, exit 2.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData(new[] { "bogus" }, "newsingest: unknown command 'bogus' (commands: extract, check, once, run, reprocess, status, show, failures, eval, state) (see 'newsingest --help')")]
    [InlineData(new[] { "onec" }, "newsingest: unknown command 'onec' (did you mean 'once'?) (see 'newsingest --help')")]
    [InlineData(new string[0], "newsingest: no command given (commands: extract, check, once, run, reprocess, status, show, failures, eval, state) (see 'newsingest --help')")]
    [InlineData(new[] { "extract", "page.html", "--format", "yaml" }, "newsingest: --format 'yaml' is not one of json, text, markdown (see 'newsingest extract --help')")]
    [InlineData(new[] { "extract", "page.html", "--input-format", "pdf" }, "newsingest: --input-format 'pdf' is not one of auto, html, text (see 'newsingest extract --help')")]
    [InlineData(new[] { "extract", "page.html", "--bogus" }, "newsingest: unknown option '--bogus' (a file whose name starts with '-' is ./--bogus) (see 'newsingest extract --help')")]
    [InlineData(new[] { "reprocess", "--config", "x.json", "--archive" }, "newsingest: Unrecognized command or argument '--archive'. (see 'newsingest reprocess --help')")]
    public async Task A_command_line_that_does_not_parse_is_one_line_and_exit_2(string[] args, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.TrimEnd());
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task A_url_of_a_scheme_extract_cannot_read_is_named_as_such_not_as_a_missing_file()
    {
        var (code, _, stderr) = await RunAsync(["extract", "ftp://news.example/a.html"]);

        Assert.Equal(2, code);
        Assert.Equal("newsingest extract: 'ftp://news.example/a.html': unsupported URL scheme 'ftp' (use http, https, a file path or -)", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_file_url_is_read_as_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsingest-usage-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, "<html><body><article><h1>Port report</h1><p>Volumes at the harbour rose for a third month, officials said on Monday.</p></article></body></html>");
        try
        {
            var (code, stdout, _) = await RunAsync(["extract", new Uri(path).AbsoluteUri, "--format", "text"]);

            Assert.Equal(0, code);
            Assert.Contains("Volumes at the harbour rose", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("once", "--help")]
    public async Task Help_lists_every_exit_code(params string[] args)
    {
        var (code, stdout, _) = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Contains("Exit codes:", stdout, StringComparison.Ordinal);
        Assert.All(ExitCodes.All, entry => Assert.Contains($"  {entry.Code,-5}{entry.Meaning}", stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reprocess_offers_no_archive_switch_it_would_ignore()
    {
        var (_, stdout, _) = await RunAsync(["reprocess", "--help"]);

        var options = stdout[stdout.IndexOf("Options:", StringComparison.Ordinal)..];
        Assert.Contains("--config", options, StringComparison.Ordinal);
        Assert.DoesNotContain("--archive", options, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await NewsIngestCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
