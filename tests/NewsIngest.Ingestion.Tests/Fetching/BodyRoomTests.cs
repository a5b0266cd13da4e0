using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Tests.Fetching;

/// <summary>
/// The room a page holds in the <see cref="BodyBudget"/>: a small room to start, grown as its body is read, so many
/// small pages are in flight at once while the bytes reserved never exceed the budget and a page that has room can
/// always read its body to the cap.
/// </summary>
public sealed class BodyRoomTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task Twenty_small_pages_start_at_once_under_a_20_MiB_budget_with_a_5_MiB_cap()
    {
        // Given the default budget and body cap
        var budget = new BodyBudget(20 * MiB, 5 * MiB);

        // When twenty pages ask to start
        var asked = Enumerable.Range(0, 20).Select(_ => budget.AdmitAsync(CancellationToken.None)).ToList();

        // Then all twenty start without waiting for one another
        Assert.All(asked, a => Assert.True(a.IsCompletedSuccessfully));
        Assert.Equal(0, budget.Waiting);
        foreach (var ticket in asked)
        {
            (await ticket).Dispose();
        }
    }

    [Fact]
    public async Task Pages_that_all_need_the_cap_grow_one_after_another_within_the_budget()
    {
        // Given room for four bodies at the cap, pages starting with a tenth of it, and eight pages started
        var budget = new BodyBudget(capacity: 4000, maxBody: 1000, startingRoom: 100);
        var pages = new List<BodyLease>();
        for (var i = 0; i < 8; i++)
        {
            pages.Add((BodyLease)await budget.AdmitAsync(CancellationToken.None));
        }

        // When every page's body turns out to be at the cap
        var grown = pages.Select(p => p.GrowAsync(1000, CancellationToken.None).AsTask()).ToList();

        // Then three grow at once (a fourth would leave too little to take the others to the cap) and the rest wait
        Assert.Equal(3, grown.Count(g => g.IsCompletedSuccessfully));
        Assert.Equal((5, 3500L), (budget.Growing, budget.Reserved));

        // And as each grown page reads its body and ends, the next one grows, until all have read theirs
        for (var i = 0; i < 3; i++)
        {
            pages[i].Buffer(1000);
        }

        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Dispose();
            if (i + 3 < pages.Count)
            {
                await grown[i + 3].WaitAsync(TimeSpan.FromSeconds(30));
                pages[i + 3].Buffer(1000);
            }
        }

        // (the room held came to the whole budget, never beyond it, once the last four were the ones left)
        Assert.Equal((0, 0L, 0L), (budget.Growing, budget.Reserved, budget.Buffered));
        Assert.Equal((4000L, 3000L), (budget.PeakReserved, budget.PeakBuffered));
    }

    [Fact]
    public async Task A_page_waiting_to_grow_goes_before_a_page_waiting_to_start()
    {
        // Given room for two bodies at the cap and three small pages started, the first grown to the cap
        var budget = new BodyBudget(capacity: 2000, maxBody: 1000, startingRoom: 100);
        var (a, b, c) = ((BodyLease)await budget.AdmitAsync(default), (BodyLease)await budget.AdmitAsync(default), (BodyLease)await budget.AdmitAsync(default));
        await a.GrowAsync(1000, default);

        // When the second needs the cap too and a fourth page asks to start: both wait
        var bGrows = b.GrowAsync(1000, default).AsTask();
        var dStarts = budget.AdmitAsync(default).AsTask();
        Assert.Equal((false, false, 1, 1), (bGrows.IsCompleted, dStarts.IsCompleted, budget.Growing, budget.Waiting));

        // Then once the first ends, the growing page gets the room, and the new page waits until there is a cap's room
        a.Dispose();
        await bGrows.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((false, 1100L), (dStarts.IsCompleted, budget.Reserved));
        b.Settle(0);
        (await dStarts.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        b.Dispose();
        c.Dispose();
        Assert.Equal(0, budget.Reserved);
    }
}
