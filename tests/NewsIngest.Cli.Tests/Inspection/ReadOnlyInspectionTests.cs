using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Tests.Inspection;

/// <summary>The inspection commands read, never write: no lock taken, no state created, a writer never in their way.</summary>
[Collection(InspectedState.Collection)]
public sealed class ReadOnlyInspectionTests(InspectedState state)
{
    public static TheoryData<string[]> Commands => new() { new[] { "status" }, new[] { "failures" }, new[] { "show", "http://127.0.0.1:1/none" } };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Without_a_state_file_says_no_state_yet_exits_5_and_creates_nothing(string[] command)
    {
        using var work = new Workspace().WithPages(1).WithConfig();
        var statePath = Path.Combine(work.Root, "data", "state", "newsingest.db");

        var result = await NewsIngestExecutable.RunAsync(work.Args(command[0], command[1..]), timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == ExitCodes.NotFound, result.ToString());
        Assert.Equal($"newsingest {command[0]}: no state yet at {statePath} (no pass has run with this configuration)", result.Stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(work.Root, "data")), "the inspection created the data directory");
    }

    [Fact]
    public async Task Reads_while_a_run_holds_the_lock_and_a_write_transaction_is_open()
    {
        // Given the run lock held and an uncommitted write, as during a 'once'
        Assert.True(RunLock.TryAcquire(state.StatePath + ".lock", out var runLock, out var message), message);
        using (runLock)
        {
            await using var writer = new SqliteConnection($"Data Source={state.StatePath};Pooling=False");
            await writer.OpenAsync();
            await using var transaction = writer.BeginTransaction(deferred: false);
            await using (var insert = writer.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO urls (url, last_status, attempts, version) VALUES ('http://uncommitted.test/a', 'timeout', 1, 0);";
                await insert.ExecuteNonQueryAsync();
            }

            // When the inspection commands run beside it
            var status = await state.JsonAsync("status");
            var failures = await state.JsonAsync("failures");
            var shown = await state.JsonAsync("show", state.Moving);
            var uncommitted = await state.RunAsync("show", "http://uncommitted.test/a");

            // Then they read the last committed state, and do not see the open transaction
            Assert.Equal(4, status.GetProperty("sources")[0].GetProperty("urls").GetInt32());
            Assert.Equal(2, failures.GetProperty("failures").GetArrayLength());
            Assert.Equal(2, shown.GetProperty("state").GetProperty("version").GetInt32());
            Assert.True(uncommitted.ExitCode == ExitCodes.NotFound, uncommitted.ToString());
            await transaction.RollbackAsync();
        }
    }
}
