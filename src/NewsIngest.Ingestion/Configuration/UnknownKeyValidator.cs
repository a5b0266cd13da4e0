using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// Refuses keys the options do not know inside <c>Sources[i]</c>, <c>Output</c>, <c>State</c>, <c>Worker</c>, <c>Pass</c>, <c>Extraction</c> and <c>NearDuplicates</c>, so a
/// typo such as <c>Shedule</c> stops the process with its key instead of being silently ignored. Other sections of
/// <c>NewsIngest</c> (<c>Http</c>, <c>Politeness</c>, …) belong to other modules and are left to them.
/// </summary>
public sealed class UnknownKeyValidator(IConfiguration section) : IValidateOptions<NewsIngestOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsIngestOptions options)
    {
        var failures = new List<string>();
        var sources = section.GetSection(nameof(NewsIngestOptions.Sources)).GetChildren();
        foreach (var source in sources)
        {
            Check(source, typeof(SourceOptions), failures);
        }

        Check(section.GetSection(nameof(NewsIngestOptions.Output)), typeof(OutputOptions), failures);
        Check(section.GetSection(nameof(NewsIngestOptions.State)), typeof(StateOptions), failures);
        Check(section.GetSection(nameof(NewsIngestOptions.Worker)), typeof(WorkerOptions), failures);
        Check(section.GetSection(nameof(NewsIngestOptions.Pass)), typeof(PassOptions), failures);
        Check(section.GetSection(nameof(NewsIngestOptions.Extraction)), typeof(ExtractionSettings), failures);
        Check(section.GetSection(nameof(NewsIngestOptions.NearDuplicates)), typeof(NearDuplicateOptions), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(IConfigurationSection section, Type type, List<string> failures)
    {
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key))
            {
                failures.Add($"{child.Path}: unknown key (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }
    }
}
