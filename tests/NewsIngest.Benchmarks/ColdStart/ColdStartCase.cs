namespace NewsIngest.Benchmarks.ColdStart;

/// <summary>One command line the cold-start benchmark starts again and again: its label, program and arguments.</summary>
internal sealed record ColdStartCase(string Label, string Program, IReadOnlyList<string> Arguments);
