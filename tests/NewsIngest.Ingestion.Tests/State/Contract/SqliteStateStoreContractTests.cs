namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary><see cref="StateStoreContract"/> on SQLite.</summary>
public sealed class SqliteStateStoreContractTests : StateStoreContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.SqliteAsync();
}
