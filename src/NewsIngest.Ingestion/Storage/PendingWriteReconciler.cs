using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// The recovery half of the exactly-once protocol (pending in state → append + fsync → commit). After a crash, a
/// pending write whose line is in the output is committed; one whose line is not is dropped, so the next pass
/// writes it. Only files modified since the oldest pending write began are read.
/// </summary>
public static class PendingWriteReconciler
{
    /// <summary>File times can lag the wall clock a little (coarse timestamps); look this much further back.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Matches the state's pending writes against the files in <paramref name="directory"/>; returns the URLs whose
    /// write was committed (found) and dropped (not found). Runs at start and after a failed append of a batch.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Committed, IReadOnlyList<string> Dropped)> ReconcileAsync(
        IStateStore state, string directory, string prefix, CancellationToken cancellationToken)
    {
        var pending = await state.GetPendingWritesAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return ([], []);
        }

        var since = pending.Min(p => p.BeganAt ?? DateTimeOffset.MinValue);
        var cutoff = since == DateTimeOffset.MinValue ? DateTime.MinValue : (since - ClockSlack).UtcDateTime;
        var candidates = RecordFiles.List(directory, prefix)
            .Where(f => File.GetLastWriteTimeUtc(f) >= cutoff)
            .ToList();
        var found = await FindAsync(candidates, pending, cancellationToken);

        var written = pending.Where(w => found.Contains((w.RecordId, w.Version, w.ContentHash))).ToList();
        var lost = pending.Except(written).Select(w => w.Url).ToList();
        await state.CommitWritesAsync(written, cancellationToken);
        await state.DropWritesAsync(lost, cancellationToken);
        return ([.. written.Select(w => w.Url)], lost);
    }

    private static async Task<HashSet<(string Id, int Version, string Hash)>> FindAsync(
        List<string> files, IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => p.RecordId).Distinct(StringComparer.Ordinal).ToList();
        var found = new HashSet<(string, int, string)>();
        await foreach (var line in RecordLines.ReadAsync(files, cancellationToken))
        {
            // Cheap filter first: only lines that mention a pending id are parsed.
            if (ids.Any(id => line.Text.Contains(id, StringComparison.Ordinal)) && RecordLines.TryReadKey(line.Text) is { } key)
            {
                found.Add((key.Id, key.Version, key.ContentHash));
            }
        }

        return found;
    }
}
