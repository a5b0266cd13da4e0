namespace NewsIngest.Cli.Tests.Workers;

/// <summary>
/// The multi-worker tests run one after another: each starts several workers (real processes) at once, and two such
/// fleets side by side on a 2-core machine would only slow each other down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkersCollection
{
    public const string Name = "workers";
}
