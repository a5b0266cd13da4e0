using System.Buffers;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>Reads a (decompressed) body as a stream and stops at a byte cap, so a huge or endless body costs at most the cap.</summary>
internal static class BodyReader
{
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength ?? 0;
        using var buffer = new MemoryStream((int)Math.Clamp(declared, 0, maxBytes));
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (buffer.Length < maxBytes)
            {
                var want = (int)Math.Min(chunk.Length, maxBytes - buffer.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken);
                if (read == 0)
                {
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
            }

            // At the cap: one more byte tells a body of exactly the cap from a longer one.
            var more = await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken);
            return (buffer.ToArray(), more > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
