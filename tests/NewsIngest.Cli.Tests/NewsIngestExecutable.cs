using System.Diagnostics;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// Runs the real <c>newsingest</c> executable (<c>dotnet newsingest.dll</c>) as a separate process. The dll is the
/// Cli project's own build output, found from this test's output directory (same configuration and framework):
/// the copy next to the tests cannot start on its own, because this project's ASP.NET Core framework reference
/// keeps the Microsoft.Extensions.* assemblies out of it.
/// </summary>
internal static class NewsIngestExecutable
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string Path => Dll.Value;

    /// <summary>The repository checkout the tests run from (docs, samples and projects are read from it).</summary>
    public static string RepositoryRoot { get; } = System.IO.Path.GetFullPath(
        System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>Starts newsingest with <paramref name="args"/>; stdout and stderr are redirected.</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs newsingest to the end (or kills it after <paramref name="timeout"/> and fails).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // What the run had said so far, so a hang can be told from a slow machine.
            var said = await stderr;
            throw new TimeoutException($"newsingest {string.Join(' ', args)} did not finish in time; its last log lines:\n{string.Join('\n', said.Split('\n').TakeLast(15))}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        // tests/NewsIngest.Cli.Tests/bin/{Configuration}/{tfm}/ → src/NewsIngest.Cli/bin/{Configuration}/{tfm}/newsingest.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var dll = System.IO.Path.Combine(RepositoryRoot, "src", "NewsIngest.Cli", "bin", configuration, tfm, "newsingest.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the Cli project first: {dll} is missing", dll);
    }
}
