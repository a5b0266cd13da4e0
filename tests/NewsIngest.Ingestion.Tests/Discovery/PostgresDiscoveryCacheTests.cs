using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Discovery;

/// <summary><see cref="DiscoveryCacheContract"/> on PostgreSQL.</summary>
public sealed class PostgresDiscoveryCacheTests : DiscoveryCacheContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.PostgresAsync();
}
