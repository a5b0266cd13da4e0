using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsIngest.Cli.Hosting;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest check --config F</c>: the check <c>once</c> and <c>run</c> make before any request (every key known,
/// every value of its form, schedules parse, output/state/archive locations writable), without taking the lock or
/// creating anything. Prints the effective configuration (file, then environment, then switches, paths resolved)
/// as JSON on stdout; exit 0 when usable, 2 with one line naming the key otherwise.
/// </summary>
public static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = IngestSwitches.AddTo(new Command("check", "Check the configuration (keys, values, schedules, writable paths) and print it as applied."));
        command.SetAction(async (parse, token) =>
        {
            try
            {
                var builder = IngestHost.CreateBuilder(parse);
                using var host = builder.Build();
                var options = IngestHost.ValidatedOptions(host.Services);
                var effective = new JsonObject
                {
                    ["NewsIngest"] = JsonSerializer.SerializeToNode(options, Json),
                };
                var section = effective["NewsIngest"]!.AsObject();
                section["Http"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<HttpOptions>>().Value, Json);
                section["Politeness"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<PolitenessOptions>>().Value, Json);
                section["Discovery"] = JsonSerializer.SerializeToNode(host.Services.GetRequiredService<IOptions<DiscoveryOptions>>().Value, Json);
                await parse.InvocationConfiguration.Output.WriteLineAsync(effective.ToJsonString(Json));
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest check: configuration is valid ({options.Sources.Count} source(s))");
                return ExitCodes.Ok;
            }
            catch (StartupError ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest check: {Cli.ErrorText.OneLine(ex.Message)}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }
}
