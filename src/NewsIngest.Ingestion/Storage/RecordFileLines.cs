using System.Buffers;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Streams the lines of one record file as UTF-8 bytes with their offsets, in fixed-size reads: a line is handed over
/// as a span of the read buffer, copied only when it crosses a read. Memory stays bounded by the longest line (and by
/// <see cref="MaxLineBytes"/>). Bytes after the last line break (a torn tail) are not a line.
/// </summary>
internal static class RecordFileLines
{
    /// <summary>How much of one line is kept; a longer line is handed over cut (no record comes near it).</summary>
    public const int MaxLineBytes = 32 * 1024 * 1024;

    private const int ReadBytes = 256 * 1024;

    /// <summary>One line: its bytes without the line break (at most <see cref="MaxLineBytes"/>), where it starts, its
    /// length with the line break, and its number from 1. Returns false to stop reading.</summary>
    public delegate bool LineHandler(ReadOnlySpan<byte> line, long offset, long length, int number);

    /// <summary>Hands every line of <paramref name="file"/> to <paramref name="handler"/>; returns the offset just past
    /// the last line break (the file's length when it ends with one).</summary>
    public static long Read(string file, LineHandler handler, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(
            file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBytes);
        var carry = new ArrayBufferWriter<byte>();
        try
        {
            long bufferOffset = 0;
            long lineStart = 0;
            var number = 0;
            int read;
            while ((read = stream.Read(buffer, 0, ReadBytes)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var span = buffer.AsSpan(0, read);
                var position = 0;
                int next;
                while ((next = span[position..].IndexOf((byte)'\n')) >= 0)
                {
                    var piece = span.Slice(position, next);
                    var end = bufferOffset + position + next;
                    ReadOnlySpan<byte> line;
                    if (carry.WrittenCount > 0)
                    {
                        Keep(carry, piece);
                        line = carry.WrittenSpan;
                    }
                    else
                    {
                        line = piece.Length > MaxLineBytes ? piece[..MaxLineBytes] : piece;
                    }

                    if (!handler(line, lineStart, end - lineStart + 1, ++number))
                    {
                        return end + 1;
                    }

                    carry.Clear();
                    lineStart = end + 1;
                    position += next + 1;
                }

                Keep(carry, span[position..]);
                bufferOffset += read;
            }

            return lineStart;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Keep(ArrayBufferWriter<byte> carry, ReadOnlySpan<byte> bytes)
    {
        var room = MaxLineBytes - carry.WrittenCount;
        if (room > 0)
        {
            carry.Write(bytes.Length > room ? bytes[..room] : bytes);
        }
    }
}
