using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Keeps the last raw body of each URL gzip-compressed under <c>{archive}/{source}/{hash of url}.html.gz</c>
/// (written to a temporary file, fsynced, then renamed, so a crash never leaves half an archive).
/// </summary>
public sealed class PageArchive(string directory)
{
    /// <summary>The archive directory (absolute).</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Stores <paramref name="body"/> as the latest raw page of <paramref name="url"/>; returns its path.</summary>
    public async Task<string> SaveAsync(string source, string url, byte[] body, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Directory, Sanitize(source));
        System.IO.Directory.CreateDirectory(folder);
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(url)).ToString("x16", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, hash + ".html.gz");
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(body, cancellationToken);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads an archived body back.</summary>
    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c is '/' or '\\' or '.' ? '_' : c).ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }
}
