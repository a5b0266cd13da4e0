namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>One build to run as the <c>once</c> child: its <c>newsingest.dll</c> and environment variables for it alone.</summary>
internal sealed record ChildVariant(string Dll, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>How the report names it: the dll, then each variable.</summary>
    public string Label => Environment.Count == 0
        ? Dll
        : Dll + " " + string.Join(' ', Environment.Select(e => $"{e.Key}={e.Value}"));
}
