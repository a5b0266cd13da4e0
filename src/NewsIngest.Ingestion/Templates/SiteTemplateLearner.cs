using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Templates;

/// <summary>
/// The site templates of <c>once</c>, <c>run</c> and <c>reprocess</c>: one <see cref="SiteTemplateWindow"/> per site,
/// loaded from the state on first use and saved page by page. A page is extracted with its site's model, the
/// page's sample joins the window, and when that changed the model the page is extracted again with it: every record
/// is cleaned by the model that includes its own page. Pages of one site join the window one at a time, in the order
/// their extractions end, so the windows (and the records) follow that order. At most <see cref="MaxSites"/> windows stay in memory:
/// the least recently used one not in use leaves (its pages are in the state, read again when the site comes back).
/// </summary>
public sealed class SiteTemplateLearner
{
    /// <summary>The default of <c>Extraction:TemplateSitesInMemory</c>.</summary>
    public const int DefaultMaxSites = 256;

    private readonly ISiteTemplateStore _store;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _keptBySource;
    private readonly Dictionary<string, Site> _sites = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _clock;

    public SiteTemplateLearner(
        ISiteTemplateStore store, IReadOnlyDictionary<string, IReadOnlyList<string>>? keptBySource = null, int maxSites = DefaultMaxSites)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSites, 1);
        _store = store;
        _keptBySource = keptBySource ?? new Dictionary<string, IReadOnlyList<string>>();
        MaxSites = maxSites;
    }

    /// <summary>How many sites' windows may stay in memory at once (more while more are in use).</summary>
    public int MaxSites { get; }

    /// <summary>How many sites' windows are in memory.</summary>
    public int Sites
    {
        get
        {
            lock (_lock)
            {
                return _sites.Count;
            }
        }
    }

    /// <summary>How many times a site's window was read from the state (first use, or back after leaving memory).</summary>
    public int Loads { get; private set; }

    /// <summary>
    /// Extracts a page of <paramref name="site"/> with the model as it stands including the page (see the class),
    /// and keeps the page in the window; a rejected page teaches nothing. Extraction runs outside the site's lock (pages
    /// of one site extract in parallel); only the window's update is under it. The page is saved before the window
    /// counts it, so a failed or cancelled save leaves the window as the state has it.
    /// </summary>
    public async Task<ExtractionResult> ExtractAndLearnAsync(
        string site, string source, Func<SiteTemplate, ExtractionResult> extract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extract);
        var before = await UseAsync(site, window => Task.FromResult(window.Snapshot()), cancellationToken);
        var result = extract(Kept(before, source));
        if (!result.IsSuccess || result.TemplateSample is not { } sample)
        {
            return result;
        }

        var after = await UseAsync(site, async window =>
        {
            if (window.Admits(sample))
            {
                await _store.SaveTemplatePageAsync(site, sample, window.Capacity, cancellationToken);
                window.Observe(sample);
            }

            return window.Snapshot();
        }, cancellationToken);
        // The model now counts the page (or its content, under another key): one that differs cleans it again.
        return after.Version == before.Version && after.IsWarm == before.IsWarm ? result : extract(Kept(after, source));
    }

    /// <summary>The site's model as it stands, with the source's kept texts (for <c>reprocess</c>: nothing is learned).</summary>
    public Task<SiteTemplate> CurrentAsync(string site, string source, CancellationToken cancellationToken) =>
        UseAsync(site, window => Task.FromResult(Kept(window.Snapshot(), source)), cancellationToken);

    private SiteTemplate Kept(SiteTemplate model, string source) =>
        _keptBySource.TryGetValue(source, out var kept) && kept.Count > 0 ? model.WithKept(kept) : model;

    private async Task<T> UseAsync<T>(string site, Func<SiteTemplateWindow, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        Site entry;
        lock (_lock)
        {
            if (!_sites.TryGetValue(site, out entry!))
            {
                _sites[site] = entry = new Site(site);
            }

            entry.Users++;
            entry.LastUsed = ++_clock;
            EvictOverCap();
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
            try
            {
                entry.Window ??= await LoadAsync(site, cancellationToken);
                return await action(entry.Window);
            }
            finally
            {
                entry.Gate.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                entry.Users--;
            }
        }
    }

    /// <summary>Under the lock: drops the least recently used windows no page is using until at most the cap remain.</summary>
    private void EvictOverCap()
    {
        while (_sites.Count > MaxSites)
        {
            Site? oldest = null;
            foreach (var candidate in _sites.Values)
            {
                if (candidate.Users == 0 && (oldest is null || candidate.LastUsed < oldest.LastUsed))
                {
                    oldest = candidate;
                }
            }

            if (oldest is null)
            {
                return;
            }

            _sites.Remove(oldest.Name);
        }
    }

    private async Task<SiteTemplateWindow> LoadAsync(string site, CancellationToken cancellationToken)
    {
        // Under the site's gate: a failed or cancelled load leaves Window null and the next page of the site reads again.
        var pages = await _store.GetTemplatePagesAsync(site, cancellationToken);
        var window = new SiteTemplateWindow(site);
        foreach (var page in pages)
        {
            window.Observe(page);
        }

        lock (_lock)
        {
            Loads++;
        }

        return window;
    }

    private sealed class Site(string name)
    {
        public string Name { get; } = name;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Null until read from the state under <see cref="Gate"/>.</summary>
        public SiteTemplateWindow? Window { get; set; }

        /// <summary>Pages using or waiting for the entry (guarded by the learner's lock): one in use never leaves.</summary>
        public int Users { get; set; }

        public long LastUsed { get; set; }
    }
}
