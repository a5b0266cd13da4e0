using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// Where <c>run</c> serves its metrics and health endpoints: <c>http://HOST:PORT/</c> with HOST an IP address,
/// <c>localhost</c>, or <c>*</c> / <c>+</c> / <c>0.0.0.0</c> for every interface, and PORT 0 for any free port
/// (not with <c>localhost</c>, which is two addresses). Plain http only: the endpoint is meant for a scraper on the
/// host or its private network.
/// </summary>
public sealed partial record ListenAddress(string Host, IPAddress? Address, int Port)
{
    /// <summary>The form named in error messages.</summary>
    public const string Form = "http://HOST:PORT/ (use http://127.0.0.1:9464/)";

    /// <summary>True for <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and <c>[::]</c>: every interface.</summary>
    public bool AnyAddress => Address is null && !IsLocalhost;

    public bool IsLocalhost => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="text"/>; the reason says what is wrong when it cannot.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ListenAddress? address, [NotNullWhen(false)] out string? reason)
    {
        address = null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            reason = $"\"{text}\" is not {Form}";
            return false;
        }

        var host = match.Groups["host"].Value;
        if (!int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            reason = $"\"{text}\": the port must be 0..65535";
            return false;
        }

        IPAddress? ip = null;
        if (host is "*" or "+")
        {
            ip = null;
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            if (port == 0)
            {
                reason = $"\"{text}\": port 0 (any free port) needs an address, not localhost (use http://127.0.0.1:0/)";
                return false;
            }
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var parsed))
        {
            ip = parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any) ? null : parsed;
        }
        else
        {
            reason = $"\"{text}\": the host must be an IP address, localhost or * (use http://127.0.0.1:9464/)";
            return false;
        }

        address = new ListenAddress(host, ip, port);
        reason = null;
        return true;
    }

    [GeneratedRegex(@"^http://(?<host>\[[0-9A-Fa-f:.]+\]|[^/:\[\]\s]+):(?<port>\d{1,5})/?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Pattern();
}
