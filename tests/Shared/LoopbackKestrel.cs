using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsIngest.Tests.Shared;

/// <summary>
/// Starts a real Kestrel server on 127.0.0.1 with an OS-assigned port and no logging, with the routes or middleware the
/// caller adds; the loopback test servers of the ingestion and end-to-end tests are built on it (linked into both
/// test projects).
/// </summary>
internal static class LoopbackKestrel
{
    /// <summary>The started app, to stop and dispose, and its base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public static Task<(WebApplication App, Uri BaseUri)> StartAsync(RequestDelegate handler) =>
        StartAsync(app => app.Run(handler));

    /// <inheritdoc cref="StartAsync(RequestDelegate)"/>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
