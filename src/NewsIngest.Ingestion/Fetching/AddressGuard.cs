using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// Refuses private, loopback, link-local, unspecified, multicast and other non-public addresses unless
/// <see cref="HttpOptions.AllowPrivateNetworks"/> is set. It runs as the handler's connect callback and checks the
/// address actually connected to, so a name that resolves (or re-resolves) to an internal address is still refused.
/// </summary>
/// <param name="options">The HTTP options (<see cref="HttpOptions.AllowPrivateNetworks"/>).</param>
/// <param name="isPublic">What counts as public; null is <see cref="IsPublic(IPAddress)"/>. Tests on loopback pass
/// one that takes 127.0.0.1 for a public host, to show what happens beyond it.</param>
internal sealed class AddressGuard(IOptions<HttpOptions> options, Func<IPAddress, bool>? isPublic = null)
{
    private readonly Func<IPAddress, bool> _isPublic = isPublic ?? IsPublic;

    private bool AllowPrivate => options.Value.AllowPrivateNetworks;

    /// <summary>True for an address a public web server can have.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64/10 carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local
                || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16/12
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 198 && (b[1] & 0xFE) == 18)); // benchmarking
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        var nat64 = v6[..12].SequenceEqual((ReadOnlySpan<byte>)[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]);
        if (nat64)
        {
            return IsPublic(new IPAddress(v6[12..]));
        }

        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            || v6[..12].IndexOfAnyExcept((byte)0) < 0); // ::/96, the deprecated IPv4-compatible block
    }

    /// <summary>True when the URL names a non-public IP literal that the options do not allow (checked before any I/O).</summary>
    public bool RefusesLiteral(Uri url) =>
        !AllowPrivate && IPAddress.TryParse(url.DnsSafeHost, out var literal) && !_isPublic(literal);

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, filters, connects and re-checks.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = AllowPrivate ? addresses : Array.FindAll(addresses, a => _isPublic(a));
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(
                $"{endpoint.Host} resolves to non-public address {string.Join(", ", addresses.Select(a => a.ToString()))} and private networks are not allowed");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            if (!AllowPrivate && socket.RemoteEndPoint is IPEndPoint connected && !_isPublic(connected.Address))
            {
                throw new AddressRefusedException($"{endpoint.Host} connected to non-public address {connected.Address}");
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
