using System.Globalization;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// The <c>e2e</c> command line: <c>--pages N</c> (1 to 50,000, default 5,000), <c>--rounds R</c> (1 to 20, default 1),
/// and any number of <c>--dll PATH</c>, each a child build; <c>--env NAME=VALUE</c> sets a variable for the
/// <c>--dll</c> before it. Without <c>--dll</c>, the Cli project's Release build is the one child.
/// </summary>
internal sealed record EndToEndOptions(int Pages, int Rounds, IReadOnlyList<ChildVariant> Children)
{
    public const string Usage =
        "e2e: usage: e2e [--pages N] [--rounds R] [--dll PATH [--env NAME=VALUE]...]... (N from 1 to 50000, default 5000; "
        + "R from 1 to 20, default 1; PATH an existing newsingest.dll; --env sets a variable for the child of the --dll before it)";

    public static EndToEndOptions? Parse(string[] args, Func<string> defaultDll)
    {
        var (pages, rounds) = (5000, 1);
        var children = new List<(string Dll, Dictionary<string, string> Env)>();
        var rest = args.Skip(1).ToArray();
        if (rest.Length % 2 != 0)
        {
            return null;
        }

        for (var i = 0; i < rest.Length; i += 2)
        {
            var value = rest[i + 1];
            var ok = rest[i] switch
            {
                "--pages" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pages) && pages is >= 1 and <= 50_000,
                "--rounds" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds is >= 1 and <= 20,
                "--dll" => AddChild(children, Path.GetFullPath(value)),
                "--env" => AddVariable(children, value),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        var variants = children.Count == 0
            ? [new ChildVariant(defaultDll(), new Dictionary<string, string>())]
            : children.Select(c => new ChildVariant(c.Dll, c.Env)).ToList();
        return new EndToEndOptions(pages, rounds, variants);
    }

    private static bool AddChild(List<(string Dll, Dictionary<string, string> Env)> children, string dll)
    {
        children.Add((dll, new Dictionary<string, string>(StringComparer.Ordinal)));
        return File.Exists(dll);
    }

    private static bool AddVariable(List<(string Dll, Dictionary<string, string> Env)> children, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (children.Count == 0 || equals <= 0)
        {
            return false;
        }

        children[^1].Env[assignment[..equals]] = assignment[(equals + 1)..];
        return true;
    }
}
