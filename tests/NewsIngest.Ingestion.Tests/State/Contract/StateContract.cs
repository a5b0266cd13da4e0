namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary>
/// The base of the state contract tests: each contract is an abstract class of facts over <see cref="State"/>, run
/// once per provider by a subclass that only says which (<see cref="StateUnderTest.SqliteAsync"/> or
/// <see cref="StateUnderTest.PostgresAsync"/>), so every behaviour is asserted on both.
/// </summary>
public abstract class StateContract : IAsyncLifetime
{
    /// <summary>This test's state.</summary>
    protected StateUnderTest State { get; private set; } = null!;

    /// <summary>Makes a fresh state of the subclass's provider.</summary>
    protected abstract Task<StateUnderTest> CreateAsync();

    public async Task InitializeAsync() => State = await CreateAsync();

    public async Task DisposeAsync() => await State.DisposeAsync();
}
