namespace NewsIngest.Extraction;

/// <summary>The paywall verdict; serialized as <c>paywalled</c>, <c>free</c> or <c>unknown</c>.</summary>
public enum PaywallStatus
{
    Unknown,
    Free,
    Paywalled,
}
