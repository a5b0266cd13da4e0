namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// What asking for a host's request slot gave (<see cref="HostLeases.ReserveSlotAsync"/>): a slot of this worker's,
/// <see cref="Wait"/> from now, marked by <see cref="Token"/> until the request ends; or, while another request to
/// the host is in flight, no slot, and how long to wait before asking again.
/// </summary>
public readonly record struct SlotTurn(bool Reserved, TimeSpan Wait, long Token);
