using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Site-template windows on the shared database, each call retried while PostgreSQL is unreachable or refuses a
/// connection (<see cref="DatabaseRetry"/>). Safe to run again: a read reads, a save is one transaction that upserts the
/// page by its key and trims the window.
/// </summary>
public sealed class RetryingSiteTemplateStore(ISiteTemplateStore inner, DatabaseRetry retry) : ISiteTemplateStore
{
    public Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.GetTemplatePagesAsync(site, token), cancellationToken);

    public Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveTemplatePageAsync(site, page, capacity, token), cancellationToken);
}
