using System.Buffers;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// Reads a (decompressed) body as a stream and stops at a byte cap, so a huge or endless body costs at most the cap.
/// With the page's <see cref="BodyLease"/>, room is had before bytes are kept (the declared length first, then as the
/// body grows), and the bytes read count against it.
/// </summary>
internal static class BodyReader
{
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(
        HttpContent content, int maxBytes, BodyLease? lease, CancellationToken cancellationToken)
    {
        var declared = Math.Clamp(content.Headers.ContentLength ?? 0, 0, maxBytes);
        if (lease is not null)
        {
            await lease.GrowAsync(declared, cancellationToken); // before the buffer of that size is allocated
        }

        using var buffer = new MemoryStream((int)declared);
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
                    return (Bytes(buffer), false);
                }

                if (lease is not null)
                {
                    await lease.GrowAsync(buffer.Length + read, cancellationToken);
                    lease.Buffer(read);
                }

                buffer.Write(chunk, 0, read);
            }

            // At the cap: one more byte tells a body of exactly the cap from a longer one.
            var more = await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken);
            return (Bytes(buffer), more > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The body, without a second copy when the buffer was sized right (a true Content-Length).</summary>
    private static byte[] Bytes(MemoryStream buffer) =>
        buffer.Length == buffer.Capacity && buffer.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Array!.Length == buffer.Length
            ? whole.Array
            : buffer.ToArray();
}
