using System.Collections;

namespace NewsIngest.Cli.Hosting;

/// <summary>
/// Configuration from <c>NEWSINGEST_*</c> environment variables, <c>__</c> separating sections. Keys outside
/// <c>NewsIngest</c> and <c>Serilog</c> are taken as <c>NewsIngest</c> keys, so both
/// <c>NEWSINGEST_STATE__PATH</c> and <c>NEWSINGEST_NEWSINGEST__STATE__PATH</c> set <c>NewsIngest:State:Path</c>.
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
            if (!key.StartsWith("NewsIngest:", StringComparison.OrdinalIgnoreCase)
                && !key.StartsWith("Serilog:", StringComparison.OrdinalIgnoreCase))
            {
                key = "NewsIngest:" + key;
            }

            yield return new(key, variable.Value as string);
        }
    }
}
