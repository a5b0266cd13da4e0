using System.Runtime.CompilerServices;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>Per-request values carried on <see cref="HttpRequestMessage.Options"/> through the resilience handler.</summary>
internal static class FetchRequestOptions
{
    /// <summary>Counts attempts (the innermost handler increments it once per try).</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("NewsIngest.Attempts");

    /// <summary>When the whole request must be over; a retry that would wait past it is not made.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("NewsIngest.Deadline");
}
