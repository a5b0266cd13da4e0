namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// One record's entry in the near-duplicate index: its site, the earliest record of its cluster (itself when it
/// matched none), its word count, exact text key and sorted shingle hashes. <see cref="Sequence"/> orders entries by
/// when they were first indexed (0 before insertion).
/// </summary>
public sealed record IndexedText(
    string RecordId, string Site, string ClusterOf, int Words, long TextKey, uint[] Shingles, DateTimeOffset AddedAt)
{
    public long Sequence { get; init; }
}
