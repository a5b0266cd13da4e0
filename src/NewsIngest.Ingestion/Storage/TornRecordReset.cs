using System.Text;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// After the torn and bad lines are moved aside at start: when one of them was the committed record of a URL's latest
/// version, the state would answer with that version's validators and the page would be 304 from then on, so the
/// version would be lost. Such a URL is set back to the version before (no content hash, no ETag or Last-Modified),
/// marked <see cref="UrlStatuses.RecordTorn"/>, and the next pass fetches it unconditionally and writes the version
/// again, once.
/// <para>
/// Which URL a moved line was: by the id (or else the URL) its first bytes hold — a record starts with its id, so a
/// cut line almost always names it — each URL with that id whose latest version is not whole in the files from the
/// moved line's file on (a later version in a later file means an older version was cut). A URL with a pending write
/// at start is passed over: its torn line is that write, dropped by the reconcile and written again anyway. A torn
/// line cut before its id (its first few dozen bytes) is matched against every URL with a record visited since
/// 10 minutes before the line above it was fetched, in every file. Lines that do not start a JSON object are garbage,
/// not records: nothing is reset for them.
/// </para>
/// </summary>
public static class TornRecordReset
{
    /// <summary>How far a record's fetch time may lag the line written before it (extraction, the batch window).</summary>
    private static readonly TimeSpan WriteLag = TimeSpan.FromMinutes(10);

    /// <summary>Up to this many URLs are looked for by their id's bytes; more, and every line is read.</summary>
    private const int FilteredIds = 8;

    /// <summary>
    /// Sets back the URLs whose latest record was among <paramref name="torn"/> or <paramref name="bad"/>, except
    /// those in <paramref name="pendingUrls"/> (writes that were pending at start); returns them.
    /// </summary>
    public static async Task<IReadOnlyList<TornRecord>> ResetAsync(
        IStateStore state, string directory, string prefix, IReadOnlyList<TornLine> torn, IReadOnlyList<BadLine> bad,
        IReadOnlySet<string> pendingUrls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(torn);
        ArgumentNullException.ThrowIfNull(bad);
        ArgumentNullException.ThrowIfNull(pendingUrls);
        if (torn.Count + bad.Count == 0)
        {
            return [];
        }

        var files = RecordFiles.List(directory, prefix);
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var line in torn)
        {
            var head = await ReadHeadAsync(line.MovedTo, cancellationToken);
            await AddAsync(state, files, line.File, RecordFragment.Read(head, whole: false), cut: true, pendingUrls, candidates, cancellationToken);
        }

        foreach (var line in bad)
        {
            var whole = line.Head.Length == line.Bytes - 1;
            await AddAsync(state, files, line.File, RecordFragment.Read(line.Head.Span, whole), cut: false, pendingUrls, candidates, cancellationToken);
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        MarkWhole(files, [.. candidates.Values], cancellationToken);
        var reset = candidates.Values.Where(c => !c.Whole).OrderBy(c => c.Row.Url, StringComparer.Ordinal).ToList();
        var records = reset.Select(c => new TornRecord(
            c.Row.Url, c.Row.RecordId!, c.Row.Version, c.File,
            c.Cut ? $"version {c.Row.Version} of its record was cut short; fetched again"
                : $"version {c.Row.Version} of its record was damaged (not a record); fetched again")).ToList();
        await state.SaveAllAsync(
            [.. reset.Zip(records, (c, r) => c.Row with
            {
                Version = c.Row.Version - 1,
                ContentHash = null,
                ETag = null,
                LastModified = null,
                LastStatus = UrlStatuses.RecordTorn,
                LastError = r.Reason,
                LastErrorAt = now,
            })],
            cancellationToken);
        return records;
    }

    private static async Task AddAsync(
        IStateStore state, IReadOnlyList<string> files, string file, RecordFragment key, bool cut, IReadOnlySet<string> pendingUrls,
        Dictionary<string, Candidate> candidates, CancellationToken cancellationToken)
    {
        var from = Math.Max(0, IndexOf(files, file));
        IReadOnlyList<UrlState> rows;
        if (key.Id is { } id)
        {
            rows = await state.FindByRecordIdAsync(id, cancellationToken);
        }
        else if (key.Url is { } url)
        {
            rows = await state.GetAsync(url, cancellationToken) is { } row ? [row] : [];
        }
        else if (cut && key.IsObjectStart)
        {
            // Cut before its id: any URL with a record visited since the line above it was written may be the one.
            var since = LastFetchedAt(file, cancellationToken) - WriteLag;
            rows = [.. (await state.GetRecordedAsync(cancellationToken)).Where(r => since is null || r.LastFetchedAt >= since)];
            from = 0;
        }
        else
        {
            return;
        }

        foreach (var row in rows)
        {
            if (row is not { Version: > 0, RecordId: not null } || pendingUrls.Contains(row.Url)
                || (key.Id is not null && row.RecordId != key.Id) || (key.Version is { } version && version != row.Version))
            {
                continue;
            }

            if (!candidates.TryGetValue(row.Url, out var known) || from < known.From)
            {
                candidates[row.Url] = new Candidate(row, file, from, cut);
            }
        }
    }

    /// <summary>Marks the candidates whose latest version is a whole line in the files from theirs on (newest first).</summary>
    private static void MarkWhole(IReadOnlyList<string> files, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var byId = candidates.GroupBy(c => c.Row.RecordId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var needles = byId.Count <= FilteredIds ? byId.Keys.Select(Encoding.UTF8.GetBytes).ToList() : null;
        var from = candidates.Min(c => c.From);
        for (var index = files.Count - 1; index >= from && candidates.Any(c => !c.Whole); index--)
        {
            var current = index;
            _ = RecordFileLines.Read(files[index], (line, _, _, _) =>
            {
                if (needles is not null && !Mentions(line, needles))
                {
                    return true;
                }

                var key = RecordFragment.Read(line, whole: true);
                if (key.IsRecord && byId.TryGetValue(key.Id!, out var same))
                {
                    foreach (var candidate in same.Where(c => c.From <= current && key.Version >= c.Row.Version))
                    {
                        candidate.Whole = true;
                    }
                }

                return true;
            }, cancellationToken);
        }
    }

    private static bool Mentions(ReadOnlySpan<byte> line, List<byte[]> needles)
    {
        foreach (var needle in needles)
        {
            if (line.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fetch time of the last whole line of <paramref name="file"/> (null when it has none).</summary>
    private static DateTimeOffset? LastFetchedAt(string file, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        if (File.Exists(file))
        {
            _ = RecordFileLines.Read(file, (line, _, _, _) =>
            {
                last = RecordFragment.Read(line, whole: true).FetchedAt ?? last;
                return true;
            }, cancellationToken);
        }

        return last;
    }

    private static async Task<byte[]> ReadHeadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[(int)Math.Min(stream.Length, BadLineRecovery.HeadBytes)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        return head;
    }

    private static int IndexOf(IReadOnlyList<string> files, string file)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (string.Equals(files[i], file, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Candidate(UrlState row, string file, int from, bool cut)
    {
        public UrlState Row { get; } = row;

        public string File { get; } = file;

        /// <summary>The first file (index) the URL's latest version may be in.</summary>
        public int From { get; } = from;

        public bool Cut { get; } = cut;

        public bool Whole { get; set; }
    }
}
