namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// Writes a newsingest config for loopback servers: private addresses allowed (127.0.0.1), politeness spacing of
/// 10 ms, one quick retry, short timeouts, so a pass over a few pages ends in seconds.
/// </summary>
internal static class E2eConfig
{
    /// <summary>Writes <paramref name="sourcesJson"/> (the members of the <c>Sources</c> array) into the workspace's config.</summary>
    public static void Write(Workspace work, string sourcesJson) => File.WriteAllText(work.ConfigPath, $$"""
        {
          "NewsIngest": {
            "Sources": [ {{sourcesJson}} ],
            "Output": { "Directory": "data/records" },
            "State": { "Path": "data/state/newsingest.db" },
            "Http": { "AllowPrivateNetworks": true, "MaxRetries": 1, "RetryBaseDelay": "00:00:00.050",
                      "AttemptTimeout": "00:00:03", "TotalTimeout": "00:00:08" },
            "Politeness": { "MinDelay": "00:00:00.010" },
            "Pass": { "MaxConcurrencyPerHost": 4 }
          }
        }
        """);
}
