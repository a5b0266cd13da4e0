namespace NewsIngest.Ingestion.State;

/// <summary>
/// A worker of a PostgreSQL state as <c>status</c> shows it: its registration and the host leases it holds now.
/// </summary>
/// <param name="Id">The worker id.</param>
/// <param name="Epoch">The registration's epoch (bumped at each start and at adoption).</param>
/// <param name="StartedAt">When it registered.</param>
/// <param name="HeartbeatAt">Its last renewal.</param>
/// <param name="ExpiresAt">When its registration runs out unless renewed.</param>
/// <param name="State"><c>running</c>, <c>stopped</c>, <c>presumed dead</c> (expired, not adopted yet) or <c>adopted by …</c>.</param>
/// <param name="Leases">Hosts it holds unexpired leases on.</param>
/// <param name="Hosts">Up to five of them, by name.</param>
public sealed record WorkerRecord(
    string Id, long Epoch, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, DateTimeOffset ExpiresAt, string State, int Leases,
    IReadOnlyList<string> Hosts);
