namespace NewsIngest.Ingestion.Configuration.Checking;

/// <summary>
/// Checks, without creating anything, that a directory could be created and written: its nearest existing ancestor
/// must be a directory in which a probe file can be created (and is deleted at once).
/// </summary>
public static class PathWritability
{
    /// <summary>Null when <paramref name="directory"/> is usable, otherwise the reason.</summary>
    public static string? Problem(string directory)
    {
        var current = Path.GetFullPath(directory);
        while (!Directory.Exists(current))
        {
            if (File.Exists(current))
            {
                return $"'{current}' is a file, not a directory";
            }

            var parent = Path.GetDirectoryName(current);
            if (parent is null)
            {
                return $"no existing directory above '{directory}'";
            }

            current = parent;
        }

        var probe = Path.Combine(current, $".newsingest-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"'{current}' is not writable ({ex.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})";
        }
    }

    /// <summary>The failures for the output, state and archive locations of validated, resolved options.</summary>
    public static IReadOnlyList<string> Check(NewsIngestOptions options)
    {
        var failures = new List<string>();
        const string root = NewsIngestOptions.SectionName;
        Add($"{root}:Output:Directory", options.Output.Directory);
        Add($"{root}:State:Path", Path.GetDirectoryName(Path.GetFullPath(options.State.Path)));
        if (!string.IsNullOrWhiteSpace(options.State.LockPath))
        {
            Add($"{root}:State:LockPath", Path.GetDirectoryName(Path.GetFullPath(options.State.LockPath)));
        }

        if (options.Output.Archive)
        {
            Add($"{root}:Output:ArchiveDirectory", options.Output.ArchiveDirectory);
        }

        return failures;

        void Add(string key, string? directory)
        {
            if (directory is not null && Problem(directory) is { } problem)
            {
                failures.Add($"{key}: {problem}");
            }
        }
    }
}
