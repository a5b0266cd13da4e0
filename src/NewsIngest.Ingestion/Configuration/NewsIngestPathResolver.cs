using Microsoft.Extensions.Options;

namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// Makes the output, archive and state paths absolute against <see cref="NewsIngestOptions.BaseDirectory"/> (the
/// config file's directory), so a config file means the same thing from any working directory.
/// </summary>
public sealed class NewsIngestPathResolver : IPostConfigureOptions<NewsIngestOptions>
{
    public void PostConfigure(string? name, NewsIngestOptions options)
    {
        var baseDirectory = BaseOf(options);
        options.Output.Directory = Resolve(baseDirectory, options.Output.Directory);
        options.Output.ArchiveDirectory = string.IsNullOrWhiteSpace(options.Output.ArchiveDirectory)
            ? Path.Combine(Path.GetDirectoryName(options.Output.Directory.TrimEnd('/', '\\')) ?? options.Output.Directory, "archive")
            : Resolve(baseDirectory, options.Output.ArchiveDirectory);
        options.State.Path = Resolve(baseDirectory, options.State.Path);
        if (!string.IsNullOrWhiteSpace(options.State.LockPath))
        {
            options.State.LockPath = Resolve(baseDirectory, options.State.LockPath);
        }
    }

    /// <summary>The directory relative paths resolve against.</summary>
    public static string BaseOf(NewsIngestOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseDirectory) ? Directory.GetCurrentDirectory() : Path.GetFullPath(options.BaseDirectory);

    /// <summary><paramref name="path"/> made absolute against <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string baseDirectory, string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, baseDirectory);
}
