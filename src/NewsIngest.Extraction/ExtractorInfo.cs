namespace NewsIngest.Extraction;

/// <summary>Which extractor built a record, so records can be rebuilt when it changes.</summary>
public sealed record ExtractorInfo(string Name, string Version)
{
    /// <summary>This assembly's extractor.</summary>
    public static ExtractorInfo Current { get; } = new(
        "newsingest",
        typeof(ExtractorInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
