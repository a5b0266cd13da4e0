using NewsIngest.Extraction.Templates;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// Durable site-template windows (<see cref="SiteTemplateWindow"/>): the pages each site's model was learned from,
/// replayed in order to rebuild it after a restart. Beside <see cref="IStateStore"/> so another store (PostgreSQL)
/// can implement both.
/// </summary>
public interface ISiteTemplateStore
{
    /// <summary>The pages of <paramref name="site"/>'s window, oldest first.</summary>
    Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="page"/> joined <paramref name="site"/>'s window as its newest page (replacing the
    /// entry of the same page key), and forgets all but the newest <paramref name="capacity"/> pages; atomic.
    /// </summary>
    Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken);
}
