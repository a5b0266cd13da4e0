using System.Diagnostics;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// The .NET tool package as a user installs it: <c>dotnet pack</c> of the Cli project (already built, in this test's
/// configuration), <c>dotnet tool install --tool-path</c> from that folder alone, then the installed
/// <c>newsingest</c> runs on its own.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsingest-tool-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_packed_tool_installs_into_a_tool_path_and_its_newsingest_command_runs()
    {
        var project = Path.Combine(NewsIngestExecutable.RepositoryRoot, "src", "NewsIngest.Cli", "NewsIngest.Cli.csproj");
        var configuration = new DirectoryInfo(Path.GetDirectoryName(NewsIngestExecutable.Path)!).Parent!.Name;
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        Directory.CreateDirectory(packages);
        // Only the packed folder as a source: the install must not need any registry.
        var nugetConfig = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);

        var pack = await DotnetAsync("pack", project, "-c", configuration, "--no-build", "-o", packages);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(packages, "NewsIngest.*.nupkg"));

        // A cache of its own, so an older package of the same version in the user's cache cannot stand in for this one.
        var install = await DotnetAsync("tool", "install", "NewsIngest", "--tool-path", tools, "--configfile", nugetConfig);
        Assert.True(install.ExitCode == 0, install.ToString());

        var help = await RunAsync(new ProcessStartInfo(Path.Combine(tools, "newsingest"), "--help"));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("once", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<CliResult> DotnetAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { Environment = { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget-cache") } };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
