namespace NewsIngest.Ingestion.Storage;

/// <summary>A record could not be written (or its state not updated); the message is one line for the user.</summary>
public sealed class RecordWriteException(string message) : Exception(message);
