namespace NewsIngest.Ingestion.Storage;

/// <summary>A record could not be written (or its state not updated); the message is one line for the user.</summary>
/// <param name="message">The reason, one line.</param>
/// <param name="refused">
/// The shared state refused the write before any line of it was written (the host's lease was lost, or another worker
/// committed this version first), or left its outcome to a fenced reconcile (this worker's or its adopter's): either
/// way the URL's state is not this worker's to change now. A page refused for its lease went back to the shared
/// frontier.
/// </param>
public sealed class RecordWriteException(string message, bool refused = false) : Exception(message)
{
    /// <summary>Refused by the shared state, nothing written (see the constructor).</summary>
    public bool Refused { get; } = refused;
}
