namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary><see cref="StateReaderContract"/> on PostgreSQL.</summary>
public sealed class PostgresStateReaderContractTests : StateReaderContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.PostgresAsync();
}
