using NewsIngest.Extraction.Parsing;

namespace NewsIngest.Extraction.Tests.Pipeline;

/// <summary>
/// The HTML stage builds its AngleSharp parser at the first page that needs it (a cold <c>extract</c> of a text
/// rendering never does): one parser per stage however many threads ask first, and pages parse as before.
/// </summary>
public sealed class HtmlParserOnDemandTests
{
    [Fact]
    public void The_stage_keeps_one_parser()
    {
        var stage = new HtmlParseStage();
        Assert.Same(stage.Parser, stage.Parser);
    }

    [Fact]
    public void Threads_asking_first_all_get_the_same_parser()
    {
        var stage = new HtmlParseStage();
        using var start = new Barrier(8);
        var parsers = new AngleSharp.Html.Parser.HtmlParser[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            parsers[i] = stage.Parser;
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(parsers, p => Assert.Same(parsers[0], p));
    }

    [Fact]
    public void A_text_page_and_then_an_html_page_extract_from_one_pipeline()
    {
        var pipeline = new ExtractionPipelineBuilder().Build();
        const string Story = "The council voted on Tuesday to keep the harbour open through the winter, after a long debate about costs.";

        var text = pipeline.Extract(new PageInput($"Harbour stays open\n\n{Story}\n", null, InputFormat.Text));
        var html = pipeline.Extract(new PageInput($"<html><body><article><h1>Harbour stays open</h1><p>{Story}</p></article></body></html>", null, InputFormat.Html));

        Assert.True(text.IsSuccess);
        Assert.True(html.IsSuccess);
        Assert.Contains("keep the harbour open", html.Record!.Preview.Text);
    }
}
