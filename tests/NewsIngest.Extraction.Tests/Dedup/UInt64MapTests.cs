using NewsIngest.Extraction.Dedup;

namespace NewsIngest.Extraction.Tests.Dedup;

/// <summary>
/// The near-duplicate index's own map from 64-bit keys (it replaced Dictionary&lt;ulong, T&gt; and HashSet&lt;ulong&gt;, which
/// were JIT-compiled at every start): it holds what a Dictionary holds, gives its keys back in insertion order (the
/// order a HashSet without removals enumerates, on which the near-duplicate verdict's first match depends), and is
/// empty but reusable after Clear.
/// </summary>
public sealed class UInt64MapTests
{
    public static TheoryData<string> KeyShapes() => ["random", "low bits equal", "high bits only", "consecutive"];

    [Theory]
    [MemberData(nameof(KeyShapes))]
    public void It_holds_what_a_dictionary_holds_and_keeps_insertion_order(string shape)
    {
        var map = new UInt64Map<int>();
        var reference = new Dictionary<ulong, int>();
        var order = new List<ulong>();
        foreach (var key in Keys(shape, 5000))
        {
            ref var value = ref map.GetValueRefOrAddDefault(key, out var exists);
            Assert.Equal(reference.ContainsKey(key), exists);
            if (!exists)
            {
                order.Add(key);
            }

            value++;
            reference[key] = reference.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(reference.Count, map.Count);
        Assert.Equal(order, Enumerable.Range(0, map.Count).Select(map.KeyAt));
        foreach (var (key, count) in reference)
        {
            Assert.True(map.TryGetValue(key, out var value));
            Assert.Equal(count, value);
        }

        Assert.False(map.TryGetValue(0xDEAD_BEEF_0000_0001UL, out _));
    }

    [Fact]
    public void As_a_set_it_enumerates_like_a_hash_set_without_removals()
    {
        var random = new Random(3);
        var set = new UInt64Map<NoValue>();
        var reference = new HashSet<ulong>();
        for (var i = 0; i < 3000; i++)
        {
            var key = (ulong)random.NextInt64(0, 500);
            Assert.Equal(reference.Add(key), set.Add(key));
        }

        // HashSet<ulong>'s own enumeration, as KeptBlocks walked it.
        Assert.Equal(reference.ToList(), Enumerable.Range(0, set.Count).Select(set.KeyAt));
    }

    [Fact]
    public void After_clear_it_is_empty_and_fills_again()
    {
        var map = new UInt64Map<NoValue>(4);
        for (ulong key = 1; key <= 100; key++)
        {
            map.Add(key * 0x9E37_79B9_7F4A_7C15UL);
        }

        map.Clear();

        Assert.Equal(0, map.Count);
        Assert.False(map.TryGetValue(0x9E37_79B9_7F4A_7C15UL, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.KeyAt(0));
        Assert.True(map.Add(7));
        Assert.False(map.Add(7));
        Assert.Equal(7UL, map.KeyAt(0));
        Assert.Equal(1, map.Count);
    }

    private static IEnumerable<ulong> Keys(string shape, int count)
    {
        var random = new Random(shape.Length);
        for (var i = 0; i < count; i++)
        {
            // Repeats included: a key drawn again must be found, not added twice.
            var n = (ulong)random.NextInt64(0, count / 2);
            yield return shape switch
            {
                "random" => i % 3 == 0 ? (ulong)random.NextInt64() << 1 : n * 0x9E37_79B9_7F4A_7C15UL,
                "low bits equal" => (n << 20) | 0xABCDE,
                "high bits only" => n << 48,
                _ => n,
            };
        }
    }
}
