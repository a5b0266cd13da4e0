using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Cli.Commands;

/// <summary>Where one page comes from: a file, stdin or a URL, read as raw bytes with an optional charset.</summary>
public sealed class PageSource
{
    /// <summary>Largest input read from a file or stdin (32 MiB); larger inputs are refused. A URL is fetched like a
    /// pass fetches it: cut at <c>Http:MaxBodyBytes</c>.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml", ".txt"];
    private static readonly Lazy<ServiceProvider> Fetching = new(CreateFetching);

    private readonly Func<CancellationToken, Task<RawPage>> _read;

    private PageSource(string name, Func<CancellationToken, Task<RawPage>> read, string? directory = null)
    {
        Name = name;
        _read = read;
        Directory = directory;
    }

    public string Name { get; }

    /// <summary>The full path of the directory a file source sits in (its site when nothing else names one); null otherwise.</summary>
    public string? Directory { get; }

    /// <summary>True when reading again is cheap and gives the same bytes (a file); a URL or stdin is read once.</summary>
    public bool CanReadAgain => Directory is not null;

    public Task<RawPage> ReadAsync(CancellationToken cancellationToken) => _read(cancellationToken);

    /// <summary>Turns the command's arguments into sources; a directory gives its page files in name order.</summary>
    public static IReadOnlyList<PageSource> Expand(IEnumerable<string> inputs)
    {
        var sources = new List<PageSource>();
        foreach (var input in inputs)
        {
            Uri? uri = null;
            if (input == "-")
            {
                sources.Add(new PageSource("stdin", ReadStdinAsync));
            }
            // A URL has a scheme, so a colon: a path without one is not parsed as a URI (on Unix "/a/b.html" would
            // parse, as a file URI that changes nothing), which spares a cold start setting up the URI parser.
            else if (input.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(input, UriKind.Absolute, out uri)
                && uri.Scheme is "http" or "https")
            {
                sources.Add(new PageSource(input, token => FetchAsync(uri, token)));
            }
            else if (uri is { IsFile: true } && input.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                sources.AddRange(Expand([uri.LocalPath]));
            }
            else if (uri is not null && !uri.IsFile && input.Contains("://", StringComparison.Ordinal))
            {
                throw new InputException($"'{input}': unsupported URL scheme '{uri.Scheme}' (use http, https, a file path or -)");
            }
            else if (System.IO.Directory.Exists(input))
            {
                var files = System.IO.Directory.EnumerateFiles(input)
                    .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    throw new InputException($"directory '{input}' holds no .html, .htm or .txt page");
                }

                sources.AddRange(files.Select(FromFile));
            }
            else if (File.Exists(input))
            {
                sources.Add(FromFile(input));
            }
            else
            {
                throw new InputException($"no such file or directory: '{input}'");
            }
        }

        return sources;
    }

    private static PageSource FromFile(string path) => new(path, token =>
    {
        // Read synchronously (at most MaxBytes, from a local file): an asynchronous file read is queued to the thread
        // pool, and starting the pool's threads was a measurable share of a cold `extract` (README, "Cold start").
        try
        {
            token.ThrowIfCancellationRequested();
            return Task.FromResult(ReadFile(path));
        }
        catch (Exception ex)
        {
            return Task.FromException<RawPage>(ex);
        }
    }, Path.GetDirectoryName(Path.GetFullPath(path)));

    private static RawPage ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new InputException($"file is {info.Length:N0} bytes, over the {MaxBytes:N0}-byte limit");
        }

        return new RawPage(File.ReadAllBytes(path), null, null);
    }

    private static async Task<RawPage> ReadStdinAsync(CancellationToken cancellationToken)
    {
        await using var stdin = Console.OpenStandardInput();
        return new RawPage(await ReadCappedAsync(stdin, cancellationToken), null, null);
    }

    // The pass's own fetcher: robots.txt, the address guard, redirects hop by hop, retries, attempt and total
    // timeouts, the body cap; configured from the NEWSINGEST_* environment (extract has no config file).
    private static async Task<RawPage> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        var fetcher = Fetching.Value.GetRequiredService<IPageFetcher>();
        var result = await fetcher.FetchAsync(new FetchRequest(uri), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InputException(result.Error ?? $"fetch failed ({result.Outcome})");
        }

        return new RawPage(result.Body, result.FinalUrl ?? uri, result.Charset);
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new InputException($"input is over the {MaxBytes:N0}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ServiceProvider CreateFetching()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(EnvironmentOverrides.Read(Environment.GetEnvironmentVariables()))
            .Build();
        return new ServiceCollection().AddNewsIngestFetching(configuration).BuildServiceProvider();
    }
}
