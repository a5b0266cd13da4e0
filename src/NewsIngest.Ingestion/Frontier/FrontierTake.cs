namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// The answer of <see cref="IFrontierStore.TakeAsync"/>: an item to start now, or else when the next host's turn
/// comes (null when no host is waiting for a turn: the frontier is empty or every host with pages is at its limit).
/// </summary>
public readonly record struct FrontierTake(FrontierItem? Item, DateTimeOffset? NextTurnAt);
