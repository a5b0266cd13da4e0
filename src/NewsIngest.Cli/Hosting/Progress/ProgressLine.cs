using System.Globalization;
using System.Text;

namespace NewsIngest.Cli.Hosting.Progress;

/// <summary>
/// One line at the bottom of a terminal, redrawn in place (<c>\r</c>, erase line). Text written through
/// <see cref="Writer"/> (the log) erases the line first and gets it back after its own line ends, so log lines
/// and the progress line never share a row.
/// </summary>
internal sealed class ProgressLine
{
    private const string Erase = "\r\u001b[2K";

    private readonly TextWriter _terminal;
    private readonly Lock _sync = new();
    private string? _text;
    private bool _shown;
    private bool _atLineStart = true;
    private bool _closed;

    public ProgressLine(TextWriter terminal)
    {
        _terminal = terminal;
        Writer = new LogWriter(this);
    }

    /// <summary>A writer for everything else that goes to the same terminal (the console log sink).</summary>
    public TextWriter Writer { get; }

    /// <summary>Shows <paramref name="text"/> as the line (unless a log line is half written: then at its end).</summary>
    public void Show(string text)
    {
        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            _text = text;
            if (_atLineStart)
            {
                _terminal.Write(Erase + text);
                _terminal.Flush();
                _shown = true;
            }
        }
    }

    /// <summary>Removes the line for good.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _closed = true;
            _text = null;
            if (_shown)
            {
                _terminal.Write(Erase);
                _terminal.Flush();
                _shown = false;
            }
        }
    }

    /// <summary>The line's text: done/total, rate, failures.</summary>
    public static string Format(int done, int total, TimeSpan elapsed, int failed, int written) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{done}/{total} pages, {(elapsed.TotalSeconds > 0.5 ? done / elapsed.TotalSeconds : 0):0.0}/s, {written} written, {failed} failed");

    private void WriteThrough(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_sync)
        {
            if (_shown)
            {
                _terminal.Write(Erase);
                _shown = false;
            }

            _terminal.Write(text);
            _atLineStart = text[^1] == '\n';
            if (_atLineStart && _text is { } line)
            {
                _terminal.Write(line);
                _shown = true;
            }

            _terminal.Flush();
        }
    }

    private sealed class LogWriter(ProgressLine line) : TextWriter
    {
        public override Encoding Encoding => line._terminal.Encoding;

        public override void Write(char value) => line.WriteThrough(value.ToString());

        public override void Write(string? value) => line.WriteThrough(value ?? "");

        public override void Write(char[] buffer, int index, int count) => line.WriteThrough(new string(buffer, index, count));

        public override void WriteLine(string? value) => line.WriteThrough((value ?? "") + NewLine);

        public override void Flush()
        {
            lock (line._sync)
            {
                line._terminal.Flush();
            }
        }
    }
}
