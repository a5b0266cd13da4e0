using System.Globalization;

namespace NewsIngest.Ingestion.Fetching.Local;

/// <summary>
/// Reads <c>file:</c> URLs like a web server would: the file's modification time is its Last-Modified and
/// <c>"{mtime}-{size}"</c> its ETag, and a request carrying the same validators gets <see cref="FetchOutcome.NotModified"/>.
/// So a second pass over unchanged local pages is all 304s. A missing file is a 404.
/// </summary>
public sealed class FileFetcher(TimeProvider time)
{
    /// <summary>Largest file read (32 MiB, as for <c>extract</c>); larger files fail with a one-line reason.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (!request.Url.IsFile)
        {
            return Fail(request, FetchOutcome.Unsupported, null, $"not a file: URL: {request.Url}", started);
        }

        var path = request.Url.LocalPath;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(request, FetchOutcome.HttpError, 404, $"no such file: {path}", started);
        }

        // Exact instants on purpose: any change of mtime (even backwards, as after a restore) means "read it again".
        var lastModified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        var unchanged = request.ETag is not null ? request.ETag == etag : request.LastModified == lastModified;
        if (unchanged)
        {
            return new FetchResult
            {
                Outcome = FetchOutcome.NotModified,
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                StatusCode = 304,
                ETag = etag,
                LastModified = lastModified,
                Elapsed = time.GetElapsedTime(started),
            };
        }

        if (info.Length > MaxBytes)
        {
            return Fail(request, FetchOutcome.HttpError, 413, $"file is {info.Length:N0} bytes, over the {MaxBytes:N0}-byte limit", started);
        }

        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(request, FetchOutcome.NetworkError, null, $"cannot read {path}: {ex.Message}", started);
        }

        // A file is read whole (up to MaxBytes): it counts against the page's room and gives back what it did not use.
        if (request.Kind == ResourceKind.Page && BodyLease.Current is { } lease)
        {
            lease.Buffer(body.Length);
            lease.Settle(body.Length);
        }

        return new FetchResult
        {
            Outcome = FetchOutcome.Ok,
            RequestedUrl = request.Url,
            FinalUrl = request.Url,
            StatusCode = 200,
            Body = body,
            ContentType = ContentTypeOf(path),
            ETag = etag,
            LastModified = lastModified,
            Elapsed = time.GetElapsedTime(started),
        };
    }

    private FetchResult Fail(FetchRequest request, FetchOutcome outcome, int? status, string error, long started) => new()
    {
        Outcome = outcome,
        RequestedUrl = request.Url,
        StatusCode = status,
        Error = error,
        Elapsed = time.GetElapsedTime(started),
    };

    private static string ContentTypeOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" => "text/plain",
            ".xml" or ".rss" or ".atom" => "application/xml",
            ".json" => "application/json",
            _ => "text/html",
        };
}
