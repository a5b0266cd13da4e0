using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>extract</c> of several pages with <c>--site-template auto</c>: reads every page once, in the order given, and
/// learns each site's template from all of them before any page is extracted for output. A page's site is the host
/// of <c>--url</c>, else of its canonical URL, else of the URL it was fetched from; else the pages of one directory
/// are one site.
/// </summary>
internal sealed class ExtractLearning
{
    private readonly IReadOnlyList<PageSource> _sources;
    private readonly RawPage?[] _kept;
    private readonly string[] _sites;
    private readonly SiteTemplateSet _set = new();

    private ExtractLearning(IReadOnlyList<PageSource> sources)
    {
        _sources = sources;
        _kept = new RawPage?[sources.Count];
        _sites = new string[sources.Count];
    }

    /// <summary>Reads and learns from every page; pages that cannot be read or extracted teach nothing.</summary>
    public static async Task<ExtractLearning> LearnAsync(
        IReadOnlyList<PageSource> sources, Uri? url, InputFormat format, ExtractionPipeline pipeline, CancellationToken cancellationToken)
    {
        var learning = new ExtractLearning(sources);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            learning._sites[i] = source.Directory ?? source.Name;
            try
            {
                var page = await source.ReadAsync(cancellationToken);
                learning._kept[i] = source.CanReadAgain ? null : page;
                var text = PageDecoder.Decode(page.Bytes, page.Charset).Text;
                var result = pipeline.Extract(
                    new PageInput(text, url ?? page.Url, format) { SiteTemplate = SiteTemplate.Empty(learning._sites[i]) }, cancellationToken);
                learning._sites[i] = SiteTemplateSet.SiteOf(url?.AbsoluteUri, result.Record?.CanonicalUrl, page.Url?.AbsoluteUri) ?? learning._sites[i];
                if (result.TemplateSample is { } sample)
                {
                    learning._set.Observe(learning._sites[i], sample);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reported when the page is extracted for output.
            }
        }

        return learning;
    }

    /// <summary>The page of source <paramref name="index"/>: kept from the learning pass, or read again (a file).</summary>
    public Task<RawPage> ReadAsync(int index, CancellationToken cancellationToken) =>
        _kept[index] is { } page ? Task.FromResult(page) : _sources[index].ReadAsync(cancellationToken);

    /// <summary>The model of the site of source <paramref name="index"/>.</summary>
    public SiteTemplate ModelFor(int index) => _set.For(_sites[index]);
}
