using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Storage;
using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// One batch's open fenced transaction (<see cref="FencedWrites.OpenAsync"/>): it holds the worker's row and the
/// hosts' lease rows while the lines are appended; <see cref="CommitAsync"/> makes the accepted writes the URLs' state
/// (each only while its version is still free) and forgets the refused ones' pending writes.
/// </summary>
internal sealed class FencedCommit(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    IReadOnlyList<PendingWrite> accepted,
    IReadOnlyList<(PendingWrite Write, string Reason, bool GiveBack)> refused,
    string workerId) : IFencedCommit
{
    /// <summary>The commit of a still-free version: the unique url + version rule, checked by the write itself.</summary>
    internal const string CommitSql = PgUrlRows.UpsertSql + " WHERE urls.version < EXCLUDED.version";

    private bool _disposed;

    public IReadOnlyList<(PendingWrite Write, string Reason, bool GiveBack)> Refused { get; } = refused;

    public async Task<IReadOnlyList<PendingWrite>> CommitAsync(CancellationToken cancellationToken)
    {
        var taken = new List<PendingWrite>();
        if (accepted.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in accepted)
            {
                batch.BatchCommands.Add(PgValues.BatchCommand(CommitSql, PgUrlRows.Parameters(write.Committed)));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < accepted.Count; i++)
            {
                if (batch.BatchCommands[i].RecordsAffected == 0)
                {
                    taken.Add(accepted[i]);
                }
            }
        }

        // A version taken after all keeps its pending write: the reconcile moves its line out of the file.
        var forget = accepted.Except(taken).Concat(Refused.Select(r => r.Write)).Select(p => p.Url).ToArray();
        await using (var delete = new NpgsqlCommand("DELETE FROM pending_writes WHERE worker_id = $1 AND url = ANY($2)", connection, transaction))
        {
            delete.Parameters.Add(PgValues.Text(workerId));
            delete.Parameters.Add(new NpgsqlParameter { Value = forget });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await transaction.DisposeAsync(); // rolls back when not committed
        await connection.DisposeAsync();
    }
}
