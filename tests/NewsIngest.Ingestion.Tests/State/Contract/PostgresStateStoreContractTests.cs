namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary><see cref="StateStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresStateStoreContractTests : StateStoreContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.PostgresAsync();
}
