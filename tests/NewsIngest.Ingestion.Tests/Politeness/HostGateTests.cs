using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Tests.Politeness;

public class HostGateTests
{
    private static readonly Uri HostA = new("https://a.example/1");
    private static readonly Uri HostB = new("https://b.example/1");
    private readonly FakeTimeProvider _time = new();

    private HostGate CreateGate(Action<PolitenessOptions>? configure = null, int maxConcurrencyPerHost = 3)
    {
        var options = new PolitenessOptions { MinDelay = TimeSpan.FromSeconds(1), CooldownBase = TimeSpan.FromSeconds(30), MaxCooldown = TimeSpan.FromMinutes(2) };
        configure?.Invoke(options);
        var pass = new PassOptions { MaxConcurrencyPerHost = maxConcurrencyPerHost };
        return new HostGate(Options.Create(options), Options.Create(pass), _time, NullLogger<HostGate>.Instance);
    }

    [Fact]
    public void Hosts_in_cooldown_counts_the_hosts_whose_cooldown_has_not_ended()
    {
        var gate = CreateGate();
        gate.CoolDown(HostA, retryAfter: null);
        gate.CoolDown(HostB, retryAfter: TimeSpan.FromSeconds(90));

        var both = gate.HostsInCooldown;
        _time.Advance(TimeSpan.FromSeconds(31));
        var one = gate.HostsInCooldown;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((2, 1, 0), (both, one, gate.HostsInCooldown));
    }

    [Fact]
    public async Task A_second_request_to_a_host_waits_for_the_first_to_end_and_then_for_the_min_delay()
    {
        var gate = CreateGate();
        var first = await gate.EnterAsync(HostA, CancellationToken.None);
        gate.MarkAttempt(HostA);

        var second = gate.EnterAsync(HostA, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted); // still serialized behind the first request

        first.Dispose(); // the first request ends 5 s after it started: the spacing counts from here
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
        gate.MarkAttempt(HostA);

        var third = gate.EnterAsync(HostA, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        (await third).Dispose();
    }

    [Fact]
    public async Task A_retry_inside_one_lease_is_spaced_from_the_end_of_the_attempt_before_it()
    {
        var gate = CreateGate();
        using var lease = await gate.EnterAsync(HostA, CancellationToken.None);
        gate.MarkAttempt(HostA);
        _time.Advance(TimeSpan.FromSeconds(3)); // a slow attempt
        gate.MarkAttemptEnded(HostA);

        Assert.Equal(TimeSpan.FromSeconds(1), gate.TimeUntilFree(HostA));
    }

    [Fact]
    public async Task The_frontier_sees_a_host_held_by_another_request_as_busy_for_at_least_its_spacing()
    {
        var gate = CreateGate();
        IHostPacing pacing = gate;
        Assert.Equal((TimeSpan.Zero, 1), (pacing.TimeUntilReady(HostA), pacing.ConcurrencyOf(HostA)));

        using var lease = await gate.EnterAsync(HostA, CancellationToken.None); // e.g. a feed read
        gate.MarkAttempt(HostA);

        Assert.Equal(TimeSpan.FromSeconds(1), pacing.TimeUntilReady(HostA));
        Assert.Equal(TimeSpan.Zero, pacing.TimeUntilReady(HostB));
    }

    [Fact]
    public async Task A_cooldown_delays_only_its_own_host()
    {
        var gate = CreateGate();
        gate.CoolDown(HostA, TimeSpan.FromSeconds(10));

        var a = gate.EnterAsync(HostA, CancellationToken.None);
        var b = gate.EnterAsync(HostB, CancellationToken.None);
        Assert.True(b.IsCompletedSuccessfully);
        Assert.False(a.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(10));
        (await a).Dispose();
        (await b).Dispose();
    }

    [Fact]
    public void A_headerless_cooldown_doubles_per_repeat_up_to_the_cap_and_resets_after_a_healthy_answer()
    {
        var gate = CreateGate();

        Assert.Equal(TimeSpan.FromSeconds(30), gate.CoolDown(HostA, null));
        Assert.Equal(TimeSpan.FromSeconds(60), gate.CoolDown(HostA, null));
        Assert.Equal(TimeSpan.FromSeconds(120), gate.CoolDown(HostA, null));
        Assert.Equal(TimeSpan.FromSeconds(120), gate.CoolDown(HostA, null));
        gate.MarkHealthy(HostA);
        Assert.Equal(TimeSpan.FromSeconds(30), gate.CoolDown(HostA, null));
    }

    [Fact]
    public void Crawl_delay_raises_the_spacing_but_is_clamped_to_the_maximum()
    {
        var gate = CreateGate(o => o.MaxCrawlDelay = TimeSpan.FromSeconds(20));
        gate.SetCrawlDelay(HostA, TimeSpan.FromSeconds(600));
        gate.MarkAttempt(HostA);
        gate.SetCrawlDelay(HostB, TimeSpan.FromMilliseconds(100)); // below MinDelay: MinDelay holds
        gate.MarkAttempt(HostB);

        Assert.Equal(TimeSpan.FromSeconds(20), gate.TimeUntilFree(HostA));
        Assert.Equal(TimeSpan.FromSeconds(1), gate.TimeUntilFree(HostB));
    }

    [Fact]
    public async Task Waiting_for_a_host_can_be_cancelled_and_frees_the_lock()
    {
        var gate = CreateGate();
        gate.CoolDown(HostA, TimeSpan.FromMinutes(1));
        using var cts = new CancellationTokenSource();

        var waiting = gate.EnterAsync(HostA, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        _time.Advance(TimeSpan.FromMinutes(1));
        var next = gate.EnterAsync(HostA, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task Without_a_delay_up_to_MaxConcurrencyPerHost_requests_run_at_once_and_the_next_waits_for_a_free_slot()
    {
        var gate = CreateGate(o => o.MinDelay = TimeSpan.Zero, maxConcurrencyPerHost: 3);
        var leases = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            var entered = gate.EnterAsync(HostA, CancellationToken.None);
            Assert.True(entered.IsCompletedSuccessfully, $"request {i + 1} of 3 should not wait");
            gate.MarkAttempt(HostA);
            leases.Add(await entered);
        }

        var fourth = gate.EnterAsync(HostA, CancellationToken.None);
        Assert.False(fourth.IsCompleted);
        Assert.True(gate.EnterAsync(HostB, CancellationToken.None).IsCompletedSuccessfully); // other hosts are not held up

        leases[0].Dispose();
        (await fourth).Dispose();
        leases.Skip(1).ToList().ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task A_crawl_delay_puts_a_host_without_min_delay_back_to_one_request_at_a_time()
    {
        var gate = CreateGate(o => o.MinDelay = TimeSpan.Zero, maxConcurrencyPerHost: 3);
        gate.SetCrawlDelay(HostA, TimeSpan.FromSeconds(2));
        var first = await gate.EnterAsync(HostA, CancellationToken.None);
        gate.MarkAttempt(HostA);

        var second = gate.EnterAsync(HostA, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted); // still one at a time

        first.Dispose();
        _time.Advance(TimeSpan.FromSeconds(2)); // the Crawl-delay, counted from the end of the first request
        (await second).Dispose();
    }

    [Fact]
    public async Task A_cooldown_holds_every_request_to_an_unpaced_host()
    {
        var gate = CreateGate(o => o.MinDelay = TimeSpan.Zero, maxConcurrencyPerHost: 3);
        gate.CoolDown(HostA, TimeSpan.FromSeconds(10));

        var a = gate.EnterAsync(HostA, CancellationToken.None);
        var b = gate.EnterAsync(HostA, CancellationToken.None);
        Assert.False(a.IsCompleted || b.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(10));
        (await a).Dispose();
        (await b).Dispose();
    }
}
