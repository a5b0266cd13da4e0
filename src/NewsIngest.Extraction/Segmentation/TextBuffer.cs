using System.Buffers;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// A growable character buffer on pooled arrays, for text gathered and cut many times per page. Unlike a
/// <c>StringBuilder</c>, clearing keeps one flat array (a chunked builder reallocates when shortened or cleared) and the
/// content reads as one span. Return the array with <see cref="Dispose"/>.
/// </summary>
internal sealed class TextBuffer(int capacity = 256) : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(capacity);

    public int Length { get; private set; }

    /// <summary>The text gathered so far; valid until the next change.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Append(char c)
    {
        Reserve(1);
        _chars[Length++] = c;
    }

    /// <summary>Appends <paramref name="text"/> with white space collapsed, continuing any trailing space.</summary>
    public void AppendCollapsed(ReadOnlySpan<char> text)
    {
        // Collapsing never lengthens text, so this much room is always enough.
        Reserve(text.Length);
        Length = TextMetrics.AppendCollapsed(_chars, Length, text);
    }

    /// <summary>Drops trailing plain spaces.</summary>
    public void TrimEndSpaces()
    {
        while (Length > 0 && _chars[Length - 1] == ' ')
        {
            Length--;
        }
    }

    public void Clear() => Length = 0;

    public override string ToString() => new(Span);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        Length = 0;
    }

    private void Reserve(int more)
    {
        if (Length + more <= _chars.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + more));
        Span.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
