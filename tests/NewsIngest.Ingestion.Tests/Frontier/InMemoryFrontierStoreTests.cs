using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Tests.Frontier;

public sealed class InMemoryFrontierStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly InMemoryFrontierStore _store = new();

    private static FrontierItem Item(string source, string url) =>
        new(source, new DiscoveredUrl(new Uri(url)), url, new Uri(url).Authority);

    private async Task<string?> TakeUrlAsync(DateTimeOffset now) => (await _store.TakeAsync(now, default)).Item?.Page.Url.AbsoluteUri;

    [Fact]
    public async Task Sources_sharing_a_host_take_turns_so_a_big_one_does_not_starve_a_small_one()
    {
        var unpaced = new HostTurn(T0, 1);
        for (var i = 0; i < 5; i++)
        {
            await _store.AddAsync(Item("big", $"https://news.test/big/{i}"), unpaced, default);
        }

        await _store.AddAsync(Item("small", "https://news.test/small/0"), unpaced, default);
        await _store.AddAsync(Item("small", "https://news.test/small/1"), unpaced, default);

        var order = new List<string>();
        while (await _store.TakeAsync(T0, default) is { Item: { } item })
        {
            order.Add(item.Page.Url.AbsolutePath);
            await _store.CompleteAsync(item, unpaced, default);
        }

        // The source that joined last goes next, then they alternate.
        Assert.Equal(["/small/0", "/big/0", "/small/1", "/big/1", "/big/2", "/big/3", "/big/4"], order);
    }

    [Fact]
    public async Task The_host_whose_turn_comes_first_is_served_first_and_a_later_turn_is_announced()
    {
        await _store.AddAsync(Item("s", "https://late.test/1"), new HostTurn(T0.AddSeconds(5), 1), default);
        await _store.AddAsync(Item("s", "https://soon.test/1"), new HostTurn(T0.AddSeconds(2), 1), default);

        Assert.Equal(new FrontierTake(null, T0.AddSeconds(2)), await _store.TakeAsync(T0, default));
        Assert.Equal("https://soon.test/1", await TakeUrlAsync(T0.AddSeconds(2)));
        Assert.Equal(new FrontierTake(null, T0.AddSeconds(5)), await _store.TakeAsync(T0.AddSeconds(2), default));
        Assert.Equal("https://late.test/1", await TakeUrlAsync(T0.AddSeconds(6)));
    }

    [Fact]
    public async Task A_host_at_its_limit_gives_nothing_until_an_item_completes_and_then_waits_for_its_new_turn()
    {
        var turn = new HostTurn(T0, 1);
        await _store.AddAsync(Item("s", "https://news.test/1"), turn, default);
        await _store.AddAsync(Item("s", "https://news.test/2"), turn, default);

        var first = (await _store.TakeAsync(T0, default)).Item!;
        Assert.Equal(new FrontierTake(null, null), await _store.TakeAsync(T0, default)); // one at a time
        await _store.CompleteAsync(first, new HostTurn(T0.AddSeconds(1), 1), default);

        Assert.Null(await TakeUrlAsync(T0.AddMilliseconds(999)));
        Assert.Equal("https://news.test/2", await TakeUrlAsync(T0.AddSeconds(1)));
        Assert.Equal(0, _store.Queued);
    }

    [Fact]
    public async Task An_unpaced_host_gives_up_to_its_limit_at_once()
    {
        var turn = new HostTurn(T0, 2);
        for (var i = 0; i < 3; i++)
        {
            await _store.AddAsync(Item("s", $"https://own.test/{i}"), turn, default);
        }

        Assert.NotNull(await TakeUrlAsync(T0));
        Assert.NotNull(await TakeUrlAsync(T0));
        Assert.Null(await TakeUrlAsync(T0));
    }

    [Fact]
    public async Task A_deferred_item_comes_back_first_at_the_hosts_new_turn_and_a_page_is_queued_once()
    {
        var turn = new HostTurn(T0, 1);
        Assert.True(await _store.AddAsync(Item("s", "https://news.test/1"), turn, default));
        Assert.False(await _store.AddAsync(Item("other", "https://news.test/1"), turn, default));
        await _store.AddAsync(Item("s", "https://news.test/2"), turn, default);

        var taken = (await _store.TakeAsync(T0, default)).Item!;
        await _store.DeferAsync(taken, new HostTurn(T0.AddSeconds(3), 1), default);

        Assert.Equal((2, (DateTimeOffset?)T0.AddSeconds(3)), (_store.Queued, (await _store.TakeAsync(T0, default)).NextTurnAt));
        Assert.Equal("https://news.test/1", await TakeUrlAsync(T0.AddSeconds(3)));
    }

    [Fact]
    public async Task A_page_in_flight_is_not_queued_twice_and_once_released_it_may_be_queued_again()
    {
        var turn = new HostTurn(T0, 1);
        await _store.AddAsync(Item("s", "https://news.test/1"), turn, default);
        var taken = (await _store.TakeAsync(T0, default)).Item!;
        await _store.CompleteAsync(taken, turn, default);

        // Its request is done but its work (extraction, storage) goes on: another pass may not queue it yet
        Assert.False(await _store.AddAsync(Item("other", "https://news.test/1"), turn, default));

        await _store.ReleaseAsync(taken, default);
        Assert.True(await _store.AddAsync(Item("s", "https://news.test/1"), turn, default));
        Assert.Equal("https://news.test/1", await TakeUrlAsync(T0));
    }
}
