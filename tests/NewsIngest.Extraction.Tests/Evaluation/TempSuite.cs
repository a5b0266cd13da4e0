namespace NewsIngest.Extraction.Tests.Evaluation;

/// <summary>A suite folder of corpora written in the test (each a <see cref="TempCorpus"/>); deleted on dispose.</summary>
internal sealed class TempSuite : IDisposable
{
    public TempSuite() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsingest-suite-" + Guid.NewGuid().ToString("N"));

    /// <summary>A new corpus folder in the suite.</summary>
    public TempCorpus Corpus(string name) => new(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
