using System.Text.Json;
using NewsIngest.Extraction.Serialization;
using NewsIngest.Extraction.Tests.Samples;

namespace NewsIngest.Extraction.Tests.Serialization;

/// <summary>
/// The record's hand-written JSON writer gives the bytes the serializer gives with the record's options, indented and
/// compact: on every sample page's record and on a record with every field set and every enum value (a property the
/// writer leaves out, or writes otherwise, fails here).
/// </summary>
public sealed class RecordWriterTests
{
    public static TheoryData<string> Pages => SamplePages.Names;

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_sample_record_is_written_as_the_serializer_writes_it(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();

        AssertWrittenAsSerializer(record);
    }

    [Fact]
    public void A_record_with_every_field_set_is_written_as_the_serializer_writes_it()
    {
        var record = new ArticleRecord
        {
            Id = "a8d01dee7da03a2f96d2dcc35ff3dc79",
            Url = "https://example.com/a?x=1&y=<2>",
            CanonicalUrl = "https://example.com/a",
            SiteName = "Example \"News\"",
            Language = "de",
            Headline = "Überschrift – mit „Zeichen“ und \u2028 und \t und 日本語 und 😀",
            Dek = "A dek with a \\ backslash and a \u0001 control",
            Section = "Politics",
            Authors = ["Jane Doe", "John O'Roe"],
            PublishedAt = new DateTimeOffset(2026, 12, 7, 10, 30, 5, 123, TimeSpan.FromHours(1)),
            ModifiedAt = new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero),
            Preview = new Preview
            {
                Blocks = [.. Enum.GetValues<BlockType>().Select(t => new PreviewBlock(t, $"{t} text </script>"))],
                Text = "one\ntwo",
                WordCount = 42,
            },
            Paywall = new PaywallInfo
            {
                Status = PaywallStatus.Paywalled,
                Kind = "subscription",
                Marker = "text:en:to-read-the-full-story",
                DeclaredWordCount = 604,
                AccessibleForFree = false,
                ContentTier = "locked",
                HiddenWords = 17,
                Signals = ["a", "b:c=1"],
            },
            Removed = new RemovedCounts { Boilerplate = 1, Duplicates = 2, Hidden = 3, Wall = 4, Template = 5 },
            ContentHash = "0123456789abcdef",
            Fingerprint = "fedcba9876543210",
            Extractor = ExtractorInfo.Current,
            SiteTemplate = new SiteTemplateInfo("example.com", "v3"),
        };

        AssertWrittenAsSerializer(record);
        foreach (var status in Enum.GetValues<PaywallStatus>())
        {
            AssertWrittenAsSerializer(record with { Paywall = record.Paywall with { Status = status, DeclaredWordCount = null, AccessibleForFree = true } });
        }

        AssertWrittenAsSerializer(record with { Url = null, PublishedAt = null, Authors = [], SiteTemplate = null, Paywall = new PaywallInfo() });
    }

    private static void AssertWrittenAsSerializer(ArticleRecord record)
    {
        Assert.Equal(JsonSerializer.Serialize(record, RecordJson.Indented), RecordJson.Serialize(record, indented: true));
        Assert.Equal(JsonSerializer.Serialize(record, RecordJson.Compact), RecordJson.Serialize(record, indented: false));
    }
}
