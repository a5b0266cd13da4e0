using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Extraction.Pipeline;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// Extraction:MaxPageTime: a page past its deadline is a rejected result with the reason, a stop request cancels the
/// page. The moment is explicit: a stage added for the test moves a fake clock or cancels the caller's token.
/// </summary>
public sealed class PageDeadlineTests
{
    private const string Page = "<html><body><article><h1>Budget vote</h1><p>The minister said parliament would vote on the budget plan before the summer recess, aides said.</p></article></body></html>";

    [Fact]
    public void A_page_past_its_deadline_is_rejected_with_the_reason()
    {
        var clock = new FakeTimeProvider();
        var pipeline = new ExtractionPipelineBuilder()
            .WithOptions(new ExtractionOptions { MaxPageTime = TimeSpan.FromSeconds(2) })
            .WithTimeProvider(clock)
            .WithExtraStage(new ActionStage(_ => clock.Advance(TimeSpan.FromSeconds(3))))
            .Build();

        var result = pipeline.Extract(new PageInput(Page));

        Assert.False(result.IsSuccess);
        Assert.Contains("MaxPageTime (2 s)", result.Error);
    }

    [Fact]
    public void A_page_within_its_deadline_gives_its_record()
    {
        var clock = new FakeTimeProvider();
        var pipeline = new ExtractionPipelineBuilder()
            .WithOptions(new ExtractionOptions { MaxPageTime = TimeSpan.FromSeconds(2) })
            .WithTimeProvider(clock)
            .WithExtraStage(new ActionStage(_ => clock.Advance(TimeSpan.FromSeconds(1.5))))
            .Build();

        var result = pipeline.Extract(new PageInput(Page));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Contains("summer recess", result.Record.Preview.Text);
    }

    [Fact]
    public void A_stop_request_cancels_the_page_instead_of_rejecting_it()
    {
        using var stop = new CancellationTokenSource();
        var pipeline = new ExtractionPipelineBuilder()
            .WithExtraStage(new ActionStage(_ => stop.Cancel()))
            .Build();

        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Extract(new PageInput(Page), stop.Token));
    }

    [Fact]
    public void The_segmenter_stops_at_its_checkpoint_once_the_deadline_passed()
    {
        // The deadline passes between the parse and the walk: the walk's own checkpoint stops it, not the pipeline's.
        var clock = new FakeTimeProvider();
        var pipeline = new ExtractionPipelineBuilder()
            .WithOptions(new ExtractionOptions { MaxPageTime = TimeSpan.FromSeconds(2) })
            .WithTimeProvider(clock)
            .Build();
        var context = new ExtractionContext(new PageInput(Page, null, InputFormat.Html), pipeline.Options, CancelledAfterParse(clock));

        pipeline.HtmlStages[0].Run(context);
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.HtmlStages[1].Run(context));
    }

    [Fact]
    public void A_pattern_past_its_match_timeout_rejects_the_page_with_the_reason()
    {
        // The backstop of the backtracking patterns (RegexBudget): the stage throws what a pattern past it would.
        var pipeline = new ExtractionPipelineBuilder()
            .WithExtraStage(new ActionStage(_ => throw new RegexMatchTimeoutException("x", "^x", TimeSpan.FromSeconds(2))))
            .Build();

        var result = pipeline.Extract(new PageInput(Page));

        Assert.False(result.IsSuccess);
        Assert.Contains("2 s match timeout", result.Error);
    }

    private static CancellationToken CancelledAfterParse(FakeTimeProvider clock) =>
        new CancellationTokenSource(TimeSpan.FromSeconds(2), clock).Token;

    private sealed class ActionStage(Action<ExtractionContext> action) : IExtractionStage
    {
        public void Run(ExtractionContext context) => action(context);
    }
}
