namespace NewsIngest.Tests.Shared.NearDuplicates;

/// <summary>
/// Two texts and what they are: <paramref name="SameStory"/> says whether a match is right; <paramref name="Expected"/>
/// names the relation a right match should carry (null for different stories).
/// </summary>
public sealed record LabelledPair(
    string Kind, string Earlier, string EarlierSite, string Later, string LaterSite, bool SameStory, string? Expected)
{
    public bool SameSite => EarlierSite == LaterSite;
}
