namespace NewsIngest.Ingestion.Fetching;

/// <summary>What a fetched resource is for.</summary>
public enum ResourceKind
{
    Page,
    Feed,
    Sitemap,
    Robots,
    HomePage,
}
