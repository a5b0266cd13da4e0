using Microsoft.AspNetCore.Http;
using NewsIngest.Cli.Hosting.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NewsIngest.Cli.Tests.Telemetry;

public sealed class HostAttributeFilterTests
{
    [Fact]
    public async Task HttpClient_metrics_keep_method_and_status_but_no_host_or_port()
    {
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(TelemetryRegistration.RuntimeMeters)
            .AddView(HostAttributeFilter.Configure)
            .AddInMemoryExporter(exported)
            .Build();
        var (app, baseUri) = await LoopbackKestrel.StartAsync(context => context.Response.WriteAsync("ok"));
        await using (app)
        {
            using var client = new HttpClient();
            Assert.Equal("ok", await client.GetStringAsync(new Uri(baseUri, "story")));
        }

        meters.ForceFlush();

        var duration = Assert.Single(exported, m => m.Name == "http.client.request.duration");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                keys.Add(tag.Key);
            }
        }

        Assert.Contains("http.request.method", keys);
        Assert.Contains("http.response.status_code", keys);
        Assert.DoesNotContain("server.address", keys);
        Assert.DoesNotContain("server.port", keys);
        Assert.All(exported.Where(m => m.Name.StartsWith("dns.", StringComparison.Ordinal)), dns =>
        {
            foreach (ref readonly var point in dns.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    Assert.NotEqual("dns.question.name", tag.Key);
                }
            }
        });
    }
}
