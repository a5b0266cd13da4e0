using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Hosting;

namespace NewsIngest.Ingestion.Tests.Configuration;

public sealed class SampleConfigTests
{
    [Theory]
    [InlineData("newsingest.json", "samples")]
    [InlineData("newsingest.live.json", "bbc")]
    public void The_bundled_sample_configurations_are_valid(string file, string firstSource)
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("NewsIngest:BaseDirectory", samples)])
            .AddJsonFile(Path.Combine(samples, file))
            .Build();
        using var services = new ServiceCollection().AddNewsIngestCore(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<NewsIngestOptions>>().Value;

        Assert.Equal(firstSource, options.Sources[0].Name);
        Assert.True(Path.IsPathRooted(options.State.Path));
    }

    [Fact]
    public void The_offline_sample_reads_the_sample_pages_and_writes_under_samples_data()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("NewsIngest:BaseDirectory", samples)])
            .AddJsonFile(Path.Combine(samples, "newsingest.json"))
            .Build();
        using var services = new ServiceCollection().AddNewsIngestCore(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<NewsIngestOptions>>().Value;

        Assert.Equal(["pages"], options.Sources.Single().Urls);
        Assert.Equal(Path.Combine(samples, "data", "records"), options.Output.Directory);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsIngest.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("NewsIngest.sln not found above " + AppContext.BaseDirectory);
    }
}
