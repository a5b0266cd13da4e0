using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class AddressGuardTests
{
    private static readonly Dictionary<string, string?> Default = new() { ["NewsIngest:Http:AllowPrivateNetworks"] = "false" };

    private static Task<LoopbackServer> ServeAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.NotFound());
        app.MapGet("/{**path}", () => Results.Text("internal"));
    });

    [Fact]
    public async Task A_loopback_address_is_refused_by_default_and_the_server_sees_nothing()
    {
        await using var server = await ServeAsync();
        await using var harness = new FetchHarness(Default);

        var result = await harness.FetchAsync(server.Url("/admin"));

        Assert.Equal(FetchOutcome.AddressRefused, result.Outcome);
        Assert.Contains("private networks are not allowed", result.Error);
        Assert.Empty(server.Seen);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        await using var server = await ServeAsync();
        await using var harness = new FetchHarness(Default);
        var byName = new UriBuilder(server.Url("/admin")) { Host = "localhost" }.Uri;

        var result = await harness.FetchAsync(byName);

        Assert.Equal(FetchOutcome.AddressRefused, result.Outcome);
        Assert.Contains("non-public address", result.Error);
        Assert.Empty(server.Seen);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.7/admin")]
    [InlineData("http://[::1]:8080/admin")]
    public async Task A_redirect_from_a_public_host_to_a_private_address_is_refused_before_it_is_sent(string target)
    {
        // Given a host the guard takes for public (127.0.0.1 stands in for one) that redirects to a private address
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/story", () => Results.Redirect(target));
        });
        await using var harness = new FetchHarness(Default, services: s => s.AddSingleton(sp =>
            new AddressGuard(sp.GetRequiredService<IOptions<HttpOptions>>(), address => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).Equals(IPAddress.Loopback))));

        var result = await harness.FetchAsync(server.Url("/story"));

        // Then the redirect hop is refused as an address, not tried and timed out
        Assert.Equal(FetchOutcome.AddressRefused, result.Outcome);
        Assert.Equal(new Uri(target), result.FinalUrl);
        Assert.Contains("not a public address", result.Error);
        Assert.Single(server.SeenAt("/story"));
    }

    [Fact]
    public async Task Private_networks_are_fetched_when_allowed()
    {
        await using var server = await ServeAsync();
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:AllowPrivateNetworks"] = "true" });
        var byName = new UriBuilder(server.Url("/admin")) { Host = "localhost" }.Uri;

        Assert.Equal(FetchOutcome.Ok, (await harness.FetchAsync(server.Url("/admin"))).Outcome);
        Assert.Equal(FetchOutcome.Ok, (await harness.FetchAsync(byName)).Outcome);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("172.20.1.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void Non_public_addresses_are_recognised(string address) =>
        Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)));
}
