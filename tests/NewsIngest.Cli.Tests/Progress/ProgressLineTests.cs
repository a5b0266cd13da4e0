using NewsIngest.Cli.Hosting.Progress;

namespace NewsIngest.Cli.Tests.Progress;

public sealed class ProgressLineTests
{
    private const string Erase = "\r\u001b[2K";

    [Fact]
    public void A_log_line_erases_the_progress_line_and_the_line_comes_back_below_it()
    {
        var terminal = new StringWriter();
        var line = new ProgressLine(terminal);

        line.Show("1/4 pages");
        line.Writer.Write("[WRN] Failed ");
        line.Show("2/4 pages"); // mid log line: not drawn into it
        line.Writer.Write("https://x.test/a\n");
        line.Clear();
        line.Show("3/4 pages"); // after Clear: never again

        Assert.Equal($"{Erase}1/4 pages{Erase}[WRN] Failed https://x.test/a\n2/4 pages{Erase}", terminal.ToString());
    }

    [Fact]
    public void The_line_says_done_of_total_the_rate_and_the_failures()
    {
        Assert.Equal("30/120 pages, 15.0/s, 25 written, 2 failed", ProgressLine.Format(30, 120, TimeSpan.FromSeconds(2), failed: 2, written: 25));
        Assert.Equal("0/0 pages, 0.0/s, 0 written, 0 failed", ProgressLine.Format(0, 0, TimeSpan.Zero, 0, 0));
    }

    [Theory]
    // stdout, stderr redirected, TERM → live line, progress log lines, summary log line
    [InlineData(false, false, "xterm-256color", true, false, false)] // both the terminal: stdout's summary only, once
    [InlineData(true, false, "xterm", true, false, true)] // stdout to a file: the terminal gets the summary from the log
    [InlineData(false, true, "xterm", false, true, true)] // stderr to a file: plain log lines there
    [InlineData(true, true, null, false, true, true)] // cron, systemd: plain log lines, as before
    [InlineData(false, false, "dumb", false, true, false)] // a dumb terminal cannot redraw: log lines, summary once
    public void Once_shows_the_live_line_only_on_a_terminal_and_the_summary_once(
        bool outputRedirected, bool errorRedirected, string? term, bool live, bool logProgress, bool logSummary)
    {
        Assert.Equal(new ConsoleMode(live, logProgress, logSummary), ConsoleMode.For(outputRedirected, errorRedirected, term));
    }
}
