namespace NewsIngest.Cli;

/// <summary><c>--site-template</c> of <c>extract</c> and <c>eval</c>.</summary>
public enum SiteTemplateMode
{
    /// <summary>Learn each site's template from the pages given, then extract every page with its site's model.</summary>
    Auto,

    /// <summary>Extract without site templates.</summary>
    Off,
}
