using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Discovery;

/// <summary><see cref="DiscoveryCacheContract"/> on SQLite.</summary>
public sealed class SqliteDiscoveryCacheTests : DiscoveryCacheContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.SqliteAsync();
}
