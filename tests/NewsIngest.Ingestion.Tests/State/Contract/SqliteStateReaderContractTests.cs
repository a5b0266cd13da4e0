namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary><see cref="StateReaderContract"/> on SQLite.</summary>
public sealed class SqliteStateReaderContractTests : StateReaderContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.SqliteAsync();
}
