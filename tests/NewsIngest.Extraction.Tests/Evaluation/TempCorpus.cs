using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Extraction.Tests.Evaluation;

/// <summary>A corpus folder under the temp directory, built from pages written in the test; deleted on dispose.</summary>
internal sealed class TempCorpus : IDisposable
{
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);

    public TempCorpus() => Directory.CreateDirectory(Path);

    /// <summary>A corpus folder named <paramref name="name"/> inside <paramref name="suite"/> (deleted with the suite).</summary>
    public TempCorpus(string suite, string name)
    {
        Path = System.IO.Path.Combine(suite, name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsingest-eval-" + Guid.NewGuid().ToString("N"));

    /// <summary>Adds a snippet page: <c>html/&lt;file&gt;.gz</c> and its entry in <c>evaldata.json</c>.</summary>
    public TempCorpus WithSnippetPage(string key, string file, string html, string[] with, string[] without, Encoding? encoding = null)
    {
        WriteGzip(System.IO.Path.Combine(Path, "html", file + ".gz"), (encoding ?? Encoding.UTF8).GetBytes(html));
        _entries[key] = new { file, with, without };
        WriteText("evaldata.json", JsonSerializer.Serialize(_entries));
        return this;
    }

    /// <summary>Adds a WCXB-style page: a snippet entry that also carries the reference main text as <c>body</c>.</summary>
    public TempCorpus WithBodyPage(string key, string file, string html, string body, string[] with, string[] without)
    {
        WriteGzip(System.IO.Path.Combine(Path, "html", file + ".gz"), Encoding.UTF8.GetBytes(html));
        _entries[key] = new { file, with, without, body };
        WriteText("evaldata.json", JsonSerializer.Serialize(_entries));
        return this;
    }

    /// <summary>Adds a shingle case: <c>&lt;name&gt;/source.html.gz</c> and <c>expected.html.gz</c>.</summary>
    public TempCorpus WithShingleCase(string name, string source, string expected)
    {
        WriteGzip(System.IO.Path.Combine(Path, name, "source.html.gz"), Encoding.UTF8.GetBytes(source));
        WriteGzip(System.IO.Path.Combine(Path, name, "expected.html.gz"), Encoding.UTF8.GetBytes(expected));
        return this;
    }

    /// <summary>Writes a file as is (for malformed corpora).</summary>
    public TempCorpus WithFile(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }

    private void WriteText(string relativePath, string text) => WithFile(relativePath, Encoding.UTF8.GetBytes(text));

    private static void WriteGzip(string path, byte[] bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
    }
}
