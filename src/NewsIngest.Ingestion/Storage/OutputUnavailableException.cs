namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// The output directory cannot take the writes the run needs before it can start (a full disk, an I/O error): the
/// message is one line saying what could not be done and that nothing was changed.
/// </summary>
public sealed class OutputUnavailableException(string message, Exception inner) : IOException(message, inner);
