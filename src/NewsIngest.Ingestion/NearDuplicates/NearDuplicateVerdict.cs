namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>What the annotator found for one record: its annotation (null when it matched none) and whether to skip writing it.</summary>
public sealed record NearDuplicateVerdict(NearDuplicateInfo? Match, bool SkipWrite)
{
    public static NearDuplicateVerdict None { get; } = new(null, false);
}
