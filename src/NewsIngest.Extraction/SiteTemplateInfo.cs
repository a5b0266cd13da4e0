namespace NewsIngest.Extraction;

/// <summary>Which site template cleaned a record's preview, so records can be rebuilt when it changes.</summary>
/// <param name="Site">The site the model belongs to: a host name, or the name given to a set of pages.</param>
/// <param name="Version">The model's version (<see cref="Templates.SiteTemplate.Version"/>): 16 hex digits.</param>
public sealed record SiteTemplateInfo(string Site, string Version);
