using System.Collections.Frozen;
using System.Text;

namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// Enum values as attribute values, in the kebab case the state and the summary use (<c>not-modified</c>,
/// <c>robots-denied</c>, <c>home-page</c>); computed once per value, so recording allocates no string.
/// </summary>
internal static class AttributeValues
{
    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.Names.TryGetValue(value, out var name) ? name : Kebab(value.ToString());

    internal static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));
    }
}
