using NewsIngest.Ingestion.Discovery.Feeds;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class LenientDateParserTests
{
    [Theory]
    [InlineData("Tue, 10 Nov 2026 09:30:00 GMT", "2026-11-10T09:30:00+00:00")]
    [InlineData("Tue, 3 Nov 2026 09:30:00 +0000", "2026-11-03T09:30:00+00:00")]
    [InlineData("3 Nov 2026 09:30 +0100", "2026-11-03T09:30:00+01:00")]
    [InlineData("Tue, 03 Nov 26 09:30:00 EST", "2026-11-03T09:30:00-05:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 CET", "2026-11-03T09:30:00+01:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 CEST", "2026-11-03T09:30:00+02:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 PDT", "2026-11-03T09:30:00-07:00")]
    [InlineData("Tuesday, 03 November 2026 09:30:00 UT", "2026-11-03T09:30:00+00:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 +05:30", "2026-11-03T09:30:00+05:30")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 GMT+2", "2026-11-03T09:30:00+02:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00", "2026-11-03T09:30:00+00:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 XYZ", "2026-11-03T09:30:00+00:00")]
    [InlineData("Nov 3 2026 09:30:00 GMT", "2026-11-03T09:30:00+00:00")]
    [InlineData("Tue, 03 Nov. 2026 09:30:00 GMT", "2026-11-03T09:30:00+00:00")]
    [InlineData("2026-11-03T09:30:00Z", "2026-11-03T09:30:00+00:00")]
    [InlineData("2026-11-03T09:30:00+01:00", "2026-11-03T09:30:00+01:00")]
    [InlineData("2026-11-03T09:30:00.123-05:00", "2026-11-03T09:30:00.123-05:00")]
    [InlineData("2026-11-03", "2026-11-03T00:00:00+00:00")]
    [InlineData("2026-11-03 09:30:00", "2026-11-03T09:30:00+00:00")]
    public void Reads_the_dates_real_feeds_carry(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LenientDateParser.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("Tue, 03 Foo 2026 09:30:00 GMT")]
    [InlineData("Tue, 03 Nov 2026 29:99:00 GMT")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999999999")]
    public void Returns_null_for_text_that_holds_no_date(string? text)
    {
        Assert.Null(LenientDateParser.Parse(text));
    }

    [Fact]
    public void Never_throws_on_arbitrary_text()
    {
        var random = new Random(42);
        const string alphabet = "0123456789 :+-,.TZGMTESTNovDecMonTue/";
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            _ = LenientDateParser.TryParse(new string(chars), out _);
        }
    }
}
