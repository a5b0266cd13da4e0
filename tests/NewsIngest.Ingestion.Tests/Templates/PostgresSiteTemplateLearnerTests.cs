using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Templates;

/// <summary><see cref="SiteTemplateLearnerContract"/> on PostgreSQL.</summary>
public sealed class PostgresSiteTemplateLearnerTests : SiteTemplateLearnerContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.PostgresAsync();
}
