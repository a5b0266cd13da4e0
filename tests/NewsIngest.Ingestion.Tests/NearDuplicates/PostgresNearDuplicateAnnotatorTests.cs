using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.NearDuplicates;

/// <summary><see cref="NearDuplicateAnnotatorContract"/> on PostgreSQL.</summary>
public sealed class PostgresNearDuplicateAnnotatorTests : NearDuplicateAnnotatorContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.PostgresAsync();
}
