using System.IO.Compression;

namespace NewsIngest.Evaluation.Corpora;

/// <summary>Reads a gzipped corpus file, refusing anything that inflates past <see cref="MaxBytes"/>.</summary>
public static class GzipFile
{
    /// <summary>Largest inflated page (64 MiB): a guard against a corrupt or hostile file, not a real page size.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The inflated bytes. Throws <see cref="InvalidDataException"/> for a bad or oversized file.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = gzip.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new InvalidDataException($"inflates past {MaxBytes:N0} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
