using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.NearDuplicates;

/// <summary><see cref="NearDuplicateAnnotatorContract"/> on SQLite.</summary>
public sealed class SqliteNearDuplicateAnnotatorTests : NearDuplicateAnnotatorContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.SqliteAsync();
}
