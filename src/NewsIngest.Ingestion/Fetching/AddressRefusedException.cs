namespace NewsIngest.Ingestion.Fetching;

/// <summary>Thrown from the connect callback when an address is not public and private networks are not allowed.</summary>
internal sealed class AddressRefusedException(string message) : IOException(message);
