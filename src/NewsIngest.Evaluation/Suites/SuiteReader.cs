using NewsIngest.Evaluation.Corpora;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// Finds the corpora of a suite folder: every sub-folder whose layout is a corpus (<see cref="CorpusReader.Detect"/>),
/// in ordinal name order. Sub-folders with neither layout are not corpora and are passed over; a corpus that fails to
/// load fails the suite, so a broken corpus is never silently left out of the average.
/// </summary>
public static class SuiteReader
{
    public static SuiteLoadResult Load(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            return SuiteLoadResult.Failed($"suite folder '{directory}' does not exist");
        }

        var corpora = new List<Corpus>();
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                if (CorpusReader.Detect(folder) is null)
                {
                    continue;
                }

                var load = CorpusReader.Load(folder);
                if (!load.IsSuccess)
                {
                    return SuiteLoadResult.Failed($"corpus '{Path.GetFileName(folder)}': {load.Error}");
                }

                corpora.Add(load.Corpus);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return SuiteLoadResult.Failed($"cannot read suite '{directory}': {ex.Message}");
        }

        return corpora.Count == 0
            ? SuiteLoadResult.Failed($"suite '{directory}' holds no corpus (no sub-folder with evaldata.json or */source.html.gz)")
            : SuiteLoadResult.Loaded(new Suite(directory, corpora));
    }
}
