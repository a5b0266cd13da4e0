using System.Text.RegularExpressions;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction;

/// <summary>
/// Turns one page into an <see cref="ArticleRecord"/>: parse, segment into blocks, read structured data, classify
/// blocks (preview, wall, boilerplate, hidden), dedupe, build the record. Built once by
/// <see cref="ExtractionPipelineBuilder"/>, then immutable and safe to share between threads.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IReadOnlyList<IExtractionStage> _htmlStages;
    private readonly IReadOnlyList<IExtractionStage> _textStages;
    private readonly TimeProvider _time;

    internal ExtractionPipeline(
        ExtractionOptions options,
        TimeProvider time,
        IReadOnlyList<IExtractionStage> htmlStages,
        IReadOnlyList<IExtractionStage> textStages)
    {
        Options = options;
        _time = time;
        _htmlStages = htmlStages;
        _textStages = textStages;
    }

    /// <summary>A pipeline with default options.</summary>
    public static ExtractionPipeline Default { get; } = new ExtractionPipelineBuilder().Build();

    public ExtractionOptions Options { get; }

    /// <summary>The HTML stages in run order; the benchmark's per-stage profile replays them one by one.</summary>
    internal IReadOnlyList<IExtractionStage> HtmlStages => _htmlStages;

    /// <summary>Extracts one page. Never throws on bad content: that is a rejected result with a reason.</summary>
    public ExtractionResult Extract(PageInput input) => Extract(input, null, CancellationToken.None);

    /// <summary>
    /// Extracts one page; a page that runs past <see cref="ExtractionOptions.MaxPageTime"/> is a rejected result with
    /// the reason. Cancelling <paramref name="cancellationToken"/> (a shutdown) throws
    /// <see cref="OperationCanceledException"/> at the next checkpoint.
    /// </summary>
    public ExtractionResult Extract(PageInput input, CancellationToken cancellationToken) => Extract(input, null, cancellationToken);

    /// <summary>Extracts one page and also reports how every block was classified.</summary>
    public ExtractionResult Explain(PageInput input, out IReadOnlyList<BlockTrace> trace, CancellationToken cancellationToken = default)
    {
        var blocks = new List<BlockTrace>();
        var result = Extract(input, blocks, cancellationToken);
        trace = blocks;
        return result;
    }

    private ExtractionResult Extract(PageInput input, List<BlockTrace>? trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        using var deadline = Options.MaxPageTime == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Options.MaxPageTime, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return Run(input, trace, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ExtractionResult.Rejected(
                $"extraction ran past Extraction:MaxPageTime ({Options.MaxPageTime.TotalSeconds:0.###} s): page given up");
        }
        catch (RegexMatchTimeoutException ex)
        {
            // The backstop of the backtracking patterns (RegexBudget): none is expected to reach it on any input.
            return ExtractionResult.Rejected(
                $"a text pattern ran past its {ex.MatchTimeout.TotalSeconds:0.###} s match timeout: page given up");
        }
    }

    private ExtractionResult Run(PageInput input, List<BlockTrace>? trace, CancellationToken cancellationToken)
    {
        if (InputSniffer.Reject(input.Content) is { } reason)
        {
            return ExtractionResult.Rejected(reason);
        }

        var content = LoneSurrogates.Repair(input.Content.Length > Options.MaxInputChars
            ? input.Content[..Options.MaxInputChars]
            : input.Content);
        var format = input.Format == InputFormat.Auto ? InputSniffer.Detect(content) : input.Format;
        var context = new ExtractionContext(input with { Content = content, Format = format }, Options, cancellationToken);
        if (content.Length < input.Content.Length)
        {
            context.AddSignal($"input:cut-at={Options.MaxInputChars}");
        }

        var stages = format == InputFormat.Text ? _textStages : _htmlStages;
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Run(context);
        }

        cancellationToken.ThrowIfCancellationRequested();

        trace?.AddRange(context.Blocks.Select(b => new BlockTrace(
            b.Index,
            b.Role.ToString().ToLowerInvariant(),
            b.Type.ToString(),
            b.Reason,
            b.Text)
        {
            LinkPercent = (int)Math.Round(b.LinkDensity * 100),
        }));
        return ExtractionResult.Success(RecordBuilder.Build(context)) with { TemplateSample = context.TemplateSample };
    }

}
