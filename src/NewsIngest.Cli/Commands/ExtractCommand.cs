using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest extract</c>: one page (file, URL or stdin) to one record on stdout.</summary>
public static class ExtractCommand
{
    private static readonly Argument<string[]> Inputs = CreateInputs();

    private static readonly Option<string?> Url = new("--url")
    {
        Description = "The page's address, when reading a file or stdin (resolves links, seeds the record id).",
    };

    private static readonly ChoiceOption<OutputFormat> Format = new(
        "--format", "Output: json (indented; JSON Lines for several pages), text or markdown.", OutputFormat.Json, "-f");

    private static readonly Option<bool> Compact = new("--compact")
    {
        Description = "One-line JSON (JSON Lines).",
    };

    private static readonly ChoiceOption<InputFormat> InputFormatOption = new(
        "--input-format", "How to read the input: auto (default), html, or text (a page's text rendering).", InputFormat.Auto);

    private static readonly Option<bool> ExplainOption = new("--explain")
    {
        Description = "Also print, on stderr, every block of the page with its role and the reason for it.",
    };

    private static readonly ChoiceOption<SiteTemplateMode> SiteTemplate = new(
        "--site-template",
        "With several pages: auto (default) learns each site's template from all of them first, then removes it from each; off does not.",
        SiteTemplateMode.Auto);

    // Built once: a validator added in Create would be added again by every command line built in one process.
    private static Argument<string[]> CreateInputs()
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "A file, a directory (every .html/.htm/.txt in it), an http(s) URL, or - for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        // The input argument takes any word, so an unknown option would otherwise be read as a missing file.
        inputs.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value.StartsWith('-')) is { } token)
            {
                result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' is ./{token.Value})");
            }
        });
        return inputs;
    }

    public static Command Create()
    {
        var command = new Command("extract", "Extract the free preview of one or more pages and print the record.")
        {
            Inputs, Url, Format, Compact, InputFormatOption, ExplainOption, SiteTemplate,
        };
        command.SetAction((parse, token) => RunAsync(parse, token));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        var inputs = parse.GetValue(Inputs) ?? [];
        var format = Format.ValueIn(parse);
        var inputFormat = InputFormatOption.ValueIn(parse);
        Uri? url = null;
        if (parse.GetValue(Url) is { } urlText && !Uri.TryCreate(urlText, UriKind.Absolute, out url))
        {
            await stderr.WriteLineAsync($"newsingest extract: --url '{urlText}' is not an absolute URL");
            return ExitCodes.UsageOrInput;
        }

        IReadOnlyList<PageSource> sources;
        try
        {
            sources = PageSource.Expand(inputs);
        }
        catch (InputException ex)
        {
            await stderr.WriteLineAsync($"newsingest extract: {ErrorText.OneLine(ex.Message)}");
            return ExitCodes.UsageOrInput;
        }

        var many = sources.Count > 1;
        var writer = new RecordWriter(stdout, format, compact: many || parse.GetValue(Compact));
        var failures = 0;
        var pipeline = ExtractionPipeline.Default;
        // One page alone can teach no template (a site's is known from 5 pages): it is extracted as without one.
        var learning = many && SiteTemplate.ValueIn(parse) == SiteTemplateMode.Auto
            ? await ExtractLearning.LearnAsync(sources, url, inputFormat, pipeline, cancellationToken)
            : null;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var page = learning is null ? await source.ReadAsync(cancellationToken) : await learning.ReadAsync(i, cancellationToken);
                var decoded = PageDecoder.Decode(page.Bytes, page.Charset);
                var input = new PageInput(decoded.Text, url ?? page.Url, inputFormat) { SiteTemplate = learning?.ModelFor(i) };
                ExtractionResult result;
                if (parse.GetValue(ExplainOption))
                {
                    result = pipeline.Explain(input, out var trace, cancellationToken);
                    foreach (var block in trace)
                    {
                        var text = block.Text;
                        var prefix = many ? source.Name + "\t" : "";
                        await stderr.WriteLineAsync($"{prefix}#{block.Index,-4} {block.Role,-11} {block.Type,-9} {block.Reason,-22} {block.LinkPercent,3}% {text}");
                    }
                }
                else
                {
                    result = pipeline.Extract(input, cancellationToken);
                }

                if (!result.IsSuccess)
                {
                    failures++;
                    await stderr.WriteLineAsync($"newsingest extract: {source.Name}: {result.Error}");
                    continue;
                }

                await writer.WriteAsync(result.Record, cancellationToken);
            }
            catch (InputException ex)
            {
                failures++;
                await stderr.WriteLineAsync($"newsingest extract: {source.Name}: {ErrorText.OneLine(ex.Message)}");
            }
            catch (Exception ex) when (!verbose && ex is not OperationCanceledException)
            {
                failures++;
                await stderr.WriteLineAsync($"newsingest extract: {source.Name}: {ex.GetType().Name}: {ErrorText.OneLine(ex.Message)}");
            }
        }

        await stdout.FlushAsync(cancellationToken);
        // One bad page among many is a partial failure; nothing extracted at all is an input error.
        return failures == 0 ? ExitCodes.Ok
            : failures == sources.Count ? ExitCodes.UsageOrInput
            : ExitCodes.SomeFailed;
    }
}
