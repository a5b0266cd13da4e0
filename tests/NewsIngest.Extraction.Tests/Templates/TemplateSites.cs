using NewsIngest.Extraction.Templates;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Extraction.Tests.Templates;

/// <summary>Learning a generated site's template the way <c>extract</c> does: every page first, then each page with the model.</summary>
internal static class TemplateSites
{
    public static SiteTemplate Learn(GeneratedSite site, IEnumerable<int> pages)
    {
        var window = new SiteTemplateWindow(site.Host);
        foreach (var page in pages)
        {
            var result = ExtractionPipeline.Default.Extract(Input(site, page, SiteTemplate.Empty(site.Host)));
            Assert.True(result.IsSuccess, result.Error);
            window.Observe(result.TemplateSample!);
        }

        return window.Snapshot();
    }

    public static PageInput Input(GeneratedSite site, int page, SiteTemplate? model) =>
        new(site.Page(page), site.Url(page), InputFormat.Html) { SiteTemplate = model };

    public static ArticleRecord Extract(GeneratedSite site, int page, SiteTemplate? model)
    {
        var result = ExtractionPipeline.Default.Extract(Input(site, page, model));
        Assert.True(result.IsSuccess, result.Error);
        return result.Record;
    }
}
