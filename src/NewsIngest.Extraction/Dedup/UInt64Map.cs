using System.Numerics;

namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// A hash map from 64-bit keys that are hashes already (shingle fingerprints) to values, its keys in insertion order,
/// with no removal but <see cref="Clear"/>: what <see cref="KeptBlocks"/> needs of <c>Dictionary&lt;ulong, T&gt;</c> and
/// <c>HashSet&lt;ulong&gt;</c>. Our own code, so that the ReadyToRun image holds it compiled: the framework's collections
/// over <c>ulong</c> are not in its image and were JIT-compiled at every start (some 25 methods). Open addressing,
/// linear probing, at most half full.
/// </summary>
internal sealed class UInt64Map<TValue>
    where TValue : struct
{
    private const int MinEntries = 8;

    // Slot -> entry index + 1 (0: empty). Entries are in insertion order.
    private int[] _slots;
    private ulong[] _keys;
    private TValue[] _values;
    private int _count;

    public UInt64Map(int capacity = 0)
    {
        var entries = Math.Max(capacity, MinEntries);
        _slots = new int[SlotsFor(entries)];
        _keys = new ulong[entries];
        _values = new TValue[entries];
    }

    public int Count => _count;

    /// <summary>The key added <paramref name="index"/>-th (0 first) since the last <see cref="Clear"/>.</summary>
    public ulong KeyAt(int index) => index < _count ? _keys[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Adds <paramref name="key"/> with a default value; false when it was there already.</summary>
    public bool Add(ulong key)
    {
        GetValueRefOrAddDefault(key, out var exists);
        return !exists;
    }

    public bool TryGetValue(ulong key, out TValue value)
    {
        var mask = _slots.Length - 1;
        for (var slot = SlotOf(key, mask); _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (_keys[entry] == key)
            {
                value = _values[entry];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value stored for <paramref name="key"/>, added as default first when it is new.</summary>
    public ref TValue GetValueRefOrAddDefault(ulong key, out bool exists)
    {
        var mask = _slots.Length - 1;
        var slot = SlotOf(key, mask);
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (_keys[entry] == key)
            {
                exists = true;
                return ref _values[entry];
            }
        }

        exists = false;
        if (_count == _keys.Length || 2 * (_count + 1) > _slots.Length)
        {
            Grow();
            mask = _slots.Length - 1;
            for (slot = SlotOf(key, mask); _slots[slot] != 0; slot = (slot + 1) & mask)
            {
            }
        }

        var added = _count++;
        _keys[added] = key;
        _values[added] = default;
        _slots[slot] = added + 1;
        return ref _values[added];
    }

    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_slots);
            _count = 0;
        }
    }

    private void Grow()
    {
        var entries = _keys.Length * 2;
        var keys = new ulong[entries];
        var values = new TValue[entries];
        Array.Copy(_keys, keys, _count);
        Array.Copy(_values, values, _count);
        _keys = keys;
        _values = values;
        _slots = new int[Math.Max(_slots.Length, SlotsFor(entries))];
        var mask = _slots.Length - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var slot = SlotOf(_keys[entry], mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = entry + 1;
        }
    }

    private static int SlotsFor(int entries) => (int)BitOperations.RoundUpToPowerOf2((uint)entries * 2);

    private static int SlotOf(ulong key, int mask) => (int)(key ^ (key >> 32)) & mask;
}

/// <summary>
/// The value of a <see cref="UInt64Map{TValue}"/> used as a set. Our own type rather than <c>bool</c>: the ReadyToRun
/// compiler left <c>UInt64Map&lt;bool&gt;</c> (an instantiation over framework types only) to the JIT.
/// </summary>
internal readonly struct NoValue;
