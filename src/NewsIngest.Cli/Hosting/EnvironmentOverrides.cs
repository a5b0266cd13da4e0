using System.Collections;
using NewsIngest.Ingestion.Configuration.Checking;

namespace NewsIngest.Cli.Hosting;

/// <summary>
/// Configuration from <c>NEWSINGEST_*</c> environment variables, <c>__</c> separating sections. Keys outside
/// <c>NewsIngest</c> and <c>Serilog</c> are taken as <c>NewsIngest</c> keys, so both
/// <c>NEWSINGEST_STATE__PATH</c> and <c>NEWSINGEST_NEWSINGEST__STATE__PATH</c> set <c>NewsIngest:State:Path</c>.
/// A variable whose first key names no <c>NewsIngest</c> setting (<c>NEWSINGEST_TEST_POSTGRES</c>, a script's own) is
/// not configuration and is left alone: the environment is shared with other tools. Below a known key every name is
/// checked, so <c>NEWSINGEST_OUTPUT__DIRECTROY</c> is refused like the same typo in the file.
/// </summary>
public static class EnvironmentOverrides
{
    public const string Prefix = "NEWSINGEST_";

    public static IEnumerable<KeyValuePair<string, string?>> Read(IDictionary variables)
    {
        foreach (DictionaryEntry variable in variables)
        {
            var name = (string)variable.Key;
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length)
            {
                continue;
            }

            var key = name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            if (key.StartsWith("Serilog:", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(key, variable.Value as string);
                continue;
            }

            if (key.StartsWith("NewsIngest:", StringComparison.OrdinalIgnoreCase))
            {
                key = key["NewsIngest:".Length..];
            }

            if (!ConfigurationChecker.IsTopLevelKey(key.Split(':')[0]))
            {
                continue;
            }

            yield return new("NewsIngest:" + key, variable.Value as string);
        }
    }
}
