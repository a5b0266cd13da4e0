using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Templates;

/// <summary><see cref="SiteTemplateLearnerContract"/> on SQLite.</summary>
public sealed class SqliteSiteTemplateLearnerTests : SiteTemplateLearnerContract
{
    protected override Task<StateUnderTest> CreateAsync() => StateUnderTest.SqliteAsync();
}
