using System.Text.Json;

namespace NewsIngest.Cli.Hosting;

/// <summary>Reads the config file as the JSON configuration provider does, to report a syntax error with its line and column.</summary>
public static class JsonSyntax
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Throws a <see cref="StartupError"/> naming the line and column of the first syntax error.</summary>
    public static void Check(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new StartupError($"config file '{path}' is not valid JSON: line {line}, column {column}: {reason}", ex);
        }
        catch (IOException ex)
        {
            throw new StartupError($"config file '{path}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StartupError($"config file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
