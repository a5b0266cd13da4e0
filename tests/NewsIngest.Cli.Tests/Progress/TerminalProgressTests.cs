using NewsIngest.Cli.Hosting.Progress;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Cli.Tests.Progress;

public sealed class TerminalProgressTests
{
    [Fact]
    public void A_pass_that_ends_before_the_first_redraw_still_showed_its_line()
    {
        // Given a clock whose timers never fire (the redraw timer's first tick not run yet: a busy machine)
        var terminal = new StringWriter();
        using var progress = new TerminalProgress(new ProgressLine(terminal), new StillClock());
        var pass = new Pass();

        // When a pass starts and ends at once
        progress.PassStarted(pass);
        progress.PassCompleted(pass, new PassSummary { Pages = 12 });

        // Then its line was drawn when it started, and removed at its end
        Assert.Equal("\r\u001b[2K0/12 pages, 0.0/s, 0 written, 0 failed\r\u001b[2K", terminal.ToString());
    }

    private sealed class StillClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Still();

        private sealed class Still : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }

    private sealed class Pass : IPassProgress
    {
        public IReadOnlyList<string> Sources { get; } = ["news"];

        public int Total => 12;

        public int Done => 0;

        public int Written => 0;

        public int Failed => 0;

        public IFrontierGauge? Frontier => null;
    }
}
