using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace NewsIngest.Extraction.Tests.Pipeline;

/// <summary>
/// The record's content hash is XxHash128 of the folded text's UTF-8 as 32 lower-case hex digits: written from the
/// hash's canonical bytes, it is the same text as the 128-bit value formatted with "x32" (how it was written before).
/// </summary>
public sealed class ContentHashTests
{
    [Fact]
    public void The_hash_is_the_128_bit_value_in_32_lower_case_hex_digits()
    {
        var random = new Random(11);
        const string Letters = "abcdefghij klmnop éüß 日本語 \u00a0—";
        for (var length = 0; length < 600; length += 1 + (length / 16))
        {
            var text = new string(Enumerable.Range(0, length).Select(_ => Letters[random.Next(Letters.Length)]).ToArray());
            var expected = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(text)).ToString("x32", CultureInfo.InvariantCulture);

            Assert.Equal(expected, RecordBuilder.Hash(text));
        }
    }

    [Fact]
    public void Leading_zero_digits_are_kept()
    {
        // Some text's hash starts with a zero digit; the hash is still 32 digits long.
        var text = Enumerable.Range(0, 10_000).Select(i => i.ToString(CultureInfo.InvariantCulture))
            .First(t => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(t)) >> 124 == 0);

        Assert.Equal(32, RecordBuilder.Hash(text).Length);
        Assert.StartsWith("0", RecordBuilder.Hash(text), StringComparison.Ordinal);
    }
}
