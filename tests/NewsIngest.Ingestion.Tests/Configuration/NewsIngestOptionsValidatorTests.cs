using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Hosting;

namespace NewsIngest.Ingestion.Tests.Configuration;

public sealed class NewsIngestOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["NewsIngest:Sources:0:Name"] = "mni",
        ["NewsIngest:Sources:0:Urls:0"] = "https://news.test/a",
        ["NewsIngest:Sources:0:Schedule"] = "*/15 * * * *",
        ["NewsIngest:Sources:1:Name"] = "local",
        ["NewsIngest:Sources:1:Urls:0"] = "pages",
        ["NewsIngest:Sources:1:Schedule"] = "00:05:00",
        ["NewsIngest:BaseDirectory"] = "/srv/newsingest",
    };

    [Fact]
    public void A_good_configuration_binds_and_its_relative_paths_resolve_against_the_config_directory()
    {
        var options = Resolve(Good);

        Assert.Equal(2, options.Sources.Count);
        Assert.Equal("/srv/newsingest/data/records", options.Output.Directory);
        Assert.Equal("/srv/newsingest/data/archive", options.Output.ArchiveDirectory);
        Assert.Equal("/srv/newsingest/data/state/newsingest.db", options.State.Path);
        Assert.Equal("/srv/newsingest/data/state/newsingest.db.lock", options.State.EffectiveLockPath);
    }

    [Theory]
    [InlineData("NewsIngest:Sources:0:Schedule", "every five minutes", "NewsIngest:Sources:0:Schedule: 'every five minutes' is neither a cron expression")]
    [InlineData("NewsIngest:Sources:1:Name", "MNI", "NewsIngest:Sources:1:Name: 'MNI' is used by another source")]
    [InlineData("NewsIngest:Sources:0:Include:0", "([unclosed", "NewsIngest:Sources:0:Include:0: '([unclosed' is not a valid regular expression")]
    [InlineData("NewsIngest:Sources:0:Urls:0", "ftp://news.test/a", "NewsIngest:Sources:0:Urls:0: 'ftp://news.test/a' is not an http(s) URL")]
    [InlineData("NewsIngest:Output:MaxFileBytes", "100", "NewsIngest:Output:MaxFileBytes: 100 is below")]
    [InlineData("NewsIngest:Pass:MaxConcurrency", "0", "NewsIngest:Pass:MaxConcurrency: 0 is outside 1..4096")]
    [InlineData("NewsIngest:Pass:MaxDiscoveryConcurrency", "5000", "NewsIngest:Pass:MaxDiscoveryConcurrency: 5000 is outside 1..4096")]
    [InlineData("NewsIngest:Output:BatchMaxRecords", "0", "NewsIngest:Output:BatchMaxRecords: 0 is outside 1..4096")]
    [InlineData("NewsIngest:Output:BatchWindow", "00:00:05", "NewsIngest:Output:BatchWindow: 00:00:05 is outside 00:00:00..00:00:01")]
    [InlineData("NewsIngest:TimeZone", "Mars/Olympus", "NewsIngest:TimeZone: 'Mars/Olympus' is not a known time zone")]
    [InlineData("NewsIngest:State:Provider", "Postgres", "NewsIngest:State:ConnectionString: required when State:Provider is Postgres")]
    [InlineData("NewsIngest:Worker:Id", "desk 1/a", "NewsIngest:Worker:Id: 'desk 1/a' must be 1-64 letters, digits")]
    [InlineData("NewsIngest:Worker:LeaseTtl", "00:00:00", "NewsIngest:Worker:LeaseTtl: must be 00:00:01..01:00:00")]
    [InlineData("NewsIngest:Worker:RenewPeriod", "00:00:11", "NewsIngest:Worker:RenewPeriod: must be above zero and at most a third of Worker:LeaseTtl")]
    [InlineData("NewsIngest:Worker:ClaimBatch", "0", "NewsIngest:Worker:ClaimBatch: must be 1..1000")]
    [InlineData("NewsIngest:Worker:MaxLeases", "0", "NewsIngest:Worker:MaxLeases: must be 1..100000")]
    [InlineData("NewsIngest:Worker:MaxPagesPerLease", "0", "NewsIngest:Worker:MaxPagesPerLease: must be at least 1")]
    [InlineData("NewsIngest:Worker:MaxLeaseTime", "00:00:01", "NewsIngest:Worker:MaxLeaseTime: must be at least Worker:RenewPeriod")]
    [InlineData("NewsIngest:Worker:PollInterval", "00:00:00", "NewsIngest:Worker:PollInterval: must be 00:00:00.010..00:01:00")]
    public void A_bad_value_fails_at_start_with_one_line_naming_its_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(Good) { [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Theory]
    [InlineData("Host=db;Databse=newsingest", "NewsIngest:State:ConnectionString: not a valid connection string")]
    [InlineData("Database=newsingest", "NewsIngest:State:ConnectionString: names no Host")]
    public void A_bad_postgres_connection_string_fails_in_one_line_that_never_repeats_it(string connectionString, string expected)
    {
        var settings = new Dictionary<string, string?>(Good)
        {
            ["NewsIngest:State:Provider"] = "postgres",
            ["NewsIngest:State:ConnectionString"] = connectionString + ";Password=s3cret",
        };

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void The_state_provider_is_sqlite_unless_configured_and_postgres_needs_no_state_path()
    {
        Assert.Equal(StateProvider.Sqlite, Resolve(Good).State.Provider);

        var options = Resolve(new Dictionary<string, string?>(Good)
        {
            ["NewsIngest:State:Provider"] = "postgres",
            ["NewsIngest:State:ConnectionString"] = "Host=127.0.0.1;Database=newsingest",
            ["NewsIngest:State:Path"] = "",
            ["NewsIngest:Worker:Id"] = "desk-1",
        });

        Assert.Equal(StateProvider.Postgres, options.State.Provider);
        Assert.Equal("desk-1", options.Worker.EffectiveId);
    }

    [Fact]
    public void A_short_lease_alone_is_accepted_and_renewed_at_a_third_of_it()
    {
        var options = Resolve(new Dictionary<string, string?>(Good) { ["NewsIngest:Worker:LeaseTtl"] = "00:00:06" });

        Assert.Equal(TimeSpan.FromSeconds(2), options.Worker.EffectiveRenewPeriod);
    }

    [Fact]
    public void A_worker_without_an_id_is_named_after_its_host_and_process()
    {
        var id = new WorkerOptions().EffectiveId;

        Assert.True(WorkerOptions.IsValidId(id), id);
        Assert.EndsWith($"-{Environment.ProcessId}", id, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_with_nothing_to_read_is_refused()
    {
        var settings = new Dictionary<string, string?>(Good) { ["NewsIngest:Sources:2:Name"] = "empty" };

        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => Resolve(settings)).Failures);

        Assert.Equal("NewsIngest:Sources:2: needs at least one of Urls, Feeds, Sitemaps or Site", failure);
    }

    [Theory]
    [InlineData("NewsIngest:Sources:0:Shedule", "NewsIngest:Sources:0:Shedule: unknown key")]
    [InlineData("NewsIngest:Output:Directroy", "NewsIngest:Output:Directroy: unknown key")]
    public void A_misspelt_key_is_refused_instead_of_silently_ignored(string key, string expected)
    {
        var settings = new Dictionary<string, string?>(Good) { [key] = "x" };

        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => Resolve(settings)).Failures);

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_of_other_modules_are_left_to_them()
    {
        var settings = new Dictionary<string, string?>(Good)
        {
            ["NewsIngest:Http:UserAgent"] = "NewsIngest/1.0",
            ["NewsIngest:Politeness:MinDelay"] = "00:00:02",
        };

        Assert.Equal(2, Resolve(settings).Sources.Count);
    }

    [Fact]
    public void No_source_at_all_is_refused()
    {
        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => Resolve([])).Failures);

        Assert.Equal("NewsIngest:Sources: no source is configured", failure);
    }

    private static NewsIngestOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddNewsIngestCore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<NewsIngestOptions>>().Value;
    }
}
