using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Configuration.Checking;

/// <summary>
/// Checks the whole configuration tree before anything is bound: every key must be known (the failure names the
/// nearest known key), every value must convert to its property's type (the failure names the expected form), and
/// the data-annotation rules of <c>Http</c>, <c>Politeness</c>, <c>Discovery</c> and <c>Metrics</c> hold. Each failure is one line
/// that starts with the configuration key. Sections owned by libraries (<c>Serilog</c>, <c>Logging</c>) are left to them.
/// </summary>
public static class ConfigurationChecker
{
    private static readonly string[] LibrarySections = ["Serilog", "Logging"];

    /// <summary>Keys the Generic Host adds itself (never from the file).</summary>
    private static readonly string[] HostKeys = ["applicationName", "contentRoot", "environment"];

    /// <summary>The typed sections under <c>NewsIngest</c> that are not properties of <see cref="NewsIngestOptions"/>.</summary>
    private static readonly Dictionary<string, Type> ExtraSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Http"] = typeof(HttpOptions),
        ["Politeness"] = typeof(PolitenessOptions),
        ["Discovery"] = typeof(DiscoveryOptions),
        ["Metrics"] = typeof(MetricsOptions),
    };

    /// <summary>Whether <paramref name="key"/> names a setting or section directly under <c>NewsIngest</c>.</summary>
    public static bool IsTopLevelKey(string key) =>
        ExtraSections.ContainsKey(key) || Properties(typeof(NewsIngestOptions)).ContainsKey(key);

    /// <summary>All failures found in <paramref name="configuration"/>; empty when it is usable.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var failures = new List<string>();
        var known = new List<string>(LibrarySections) { NewsIngestOptions.SectionName };
        foreach (var child in configuration.GetChildren())
        {
            if (LibrarySections.Contains(child.Key, StringComparer.OrdinalIgnoreCase)
                || (child.Value is not null && HostKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!child.Key.Equals(NewsIngestOptions.SectionName, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add(Unknown(child, known));
                continue;
            }

            CheckSection(child, typeof(NewsIngestOptions), failures);
        }

        if (failures.Count == 0)
        {
            foreach (var (name, type) in ExtraSections)
            {
                ValidateAnnotations(configuration.GetSection($"{NewsIngestOptions.SectionName}:{name}"), type, failures);
            }

            CheckHostWait(configuration, failures);
        }

        return failures;
    }

    private static void CheckSection(IConfigurationSection section, Type type, List<string> failures)
    {
        var properties = Properties(type);
        if (type == typeof(NewsIngestOptions))
        {
            foreach (var (name, extra) in ExtraSections)
            {
                properties[name] = extra;
            }
        }

        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var propertyType))
            {
                failures.Add(Unknown(child, properties.Keys));
                continue;
            }

            CheckValue(child, propertyType, failures);
        }
    }

    private static void CheckValue(IConfigurationSection node, Type type, List<string> failures)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            if (node.GetChildren().Any())
            {
                failures.Add($"{node.Path}: is a section, expected {ValueForms.Describe(target)}");
            }
            else if (node.Value is { Length: > 0 } text && !Converts(text, target))
            {
                failures.Add($"{node.Path}: \"{text}\" is not {ValueForms.Describe(target)}");
            }

            return;
        }

        if (node.Value is { Length: > 0 } && !node.GetChildren().Any())
        {
            failures.Add($"{node.Path}: \"{node.Value}\" is a value, expected a section");
            return;
        }

        if (ElementType(target) is { } element)
        {
            foreach (var item in node.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"{item.Path}: expected a list, found the key '{item.Key}'");
                    continue;
                }

                CheckValue(item, element, failures);
            }

            return;
        }

        CheckSection(node, target, failures);
    }

    private static void ValidateAnnotations(IConfigurationSection section, Type type, List<string> failures)
    {
        var instance = Activator.CreateInstance(type)!;
        section.Bind(instance);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var message = result.ErrorMessage ?? "is not valid";
            var key = member is null ? section.Path : $"{section.Path}:{member}";
            failures.Add($"{key}: {message}");
        }
    }

    /// <summary>
    /// <c>Pass:MaxHostWait</c> bounds the wait for a cooling-down host; it must not be shorter than a host's normal
    /// spacing (<c>Politeness:MinDelay</c>, a Crawl-delay up to <c>Politeness:MaxCrawlDelay</c>), or every paced host
    /// would have its pages deferred after the first.
    /// </summary>
    private static void CheckHostWait(IConfiguration configuration, List<string> failures)
    {
        var pass = new PassOptions();
        configuration.GetSection($"{NewsIngestOptions.SectionName}:Pass").Bind(pass);
        var politeness = new PolitenessOptions();
        configuration.GetSection(PolitenessOptions.SectionName).Bind(politeness);
        var (name, spacing) = politeness.MaxCrawlDelay >= politeness.MinDelay
            ? (nameof(PolitenessOptions.MaxCrawlDelay), politeness.MaxCrawlDelay)
            : (nameof(PolitenessOptions.MinDelay), politeness.MinDelay);
        if (pass.MaxHostWait < spacing)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{NewsIngestOptions.SectionName}:Pass:MaxHostWait: {pass.MaxHostWait} is shorter than Politeness:{name} ({spacing}): a host paced that slowly would have its pages deferred"));
        }
    }

    private static Dictionary<string, Type> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetSetMethod() is not null)
            .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
    }

    private static bool Converts(string text, Type type)
    {
        try
        {
            // The same converter the configuration binder uses.
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException
            || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Unknown(IConfigurationSection node, IEnumerable<string> known)
    {
        var nearest = NearestKey.Find(node.Key, known);
        return nearest is null
            ? $"{node.Path}: unknown key (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})"
            : $"{node.Path}: unknown key (did you mean '{nearest}'?)";
    }
}
