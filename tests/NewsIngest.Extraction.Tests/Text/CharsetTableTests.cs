using System.Text;
using NewsIngest.Extraction.Tests.Support;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Text;

/// <summary>
/// The WHATWG Encoding standard's order and label table: BOM, then HTTP charset, then meta; Latin-1 and ASCII labels
/// are windows-1252; a meta label on valid UTF-8 bytes is a leftover, the bytes are UTF-8.
/// </summary>
public sealed class CharsetTableTests
{
    static CharsetTableTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string?, byte[], string> Cases() => new()
    {
        // name, HTTP charset, bytes, the text that must appear
        { "iso-8859-1 header is windows-1252 (curly quotes, not C1 controls)", "iso-8859-1", Cp1252("<p>said \u201Cwe will act\u201D</p>"), "said \u201Cwe will act\u201D" },
        { "latin1 meta is windows-1252", null, Cp1252("<meta charset=latin1><p>said \u201Cwe will act\u201D \u2014 \u20AC5</p>"), "said \u201Cwe will act\u201D \u2014 \u20AC5" },
        { "us-ascii header is windows-1252, not '?'", "us-ascii", Cp1252("<p>Caf\u00E9 cr\u00E8me</p>"), "Caf\u00E9 cr\u00E8me" },
        { "ISO-8859-1 in capitals", "ISO-8859-1", Cp1252("<p>Stra\u00DFe \u2018quoted\u2019</p>"), "Stra\u00DFe \u2018quoted\u2019" },
        { "UTF-8 BOM wins over an HTTP charset", "iso-8859-1", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>Gr\u00FC\u00DFe aus K\u00F6ln</p>")], "<p>Gr\u00FC\u00DFe aus K\u00F6ln" },
        { "UTF-16LE BOM wins over an HTTP charset", "windows-1252", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<p>\u041C\u043E\u0441\u043A\u0432\u0430</p>")], "\u041C\u043E\u0441\u043A\u0432\u0430" },
        { "meta iso-8859-1 on valid UTF-8 is UTF-8", null, Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Gr\u00FC\u00DFe aus K\u00F6ln</p>"), "Gr\u00FC\u00DFe aus K\u00F6ln" },
        { "meta GB2312 on valid UTF-8 is UTF-8", null, Encoding.UTF8.GetBytes("<meta charset=\"gb2312\"><p>\u5317\u4EAC\u5E02\u653F\u5E9C\u4ECA\u5929\u8868\u793A</p>"), "\u5317\u4EAC\u5E02\u653F\u5E9C\u4ECA\u5929\u8868\u793A" },
        { "meta ISO-8859-2 on valid UTF-8 is UTF-8", null, Encoding.UTF8.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><p>Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144</p>"), "Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144" },
        { "meta GB2312 on GB bytes is GB18030", null, Encoding.GetEncoding(936).GetBytes("<meta charset=\"gb2312\"><p>\u5317\u4EAC\u5E02\u653F\u5E9C\u4ECA\u5929\u8868\u793A</p>"), "\u5317\u4EAC\u5E02\u653F\u5E9C\u4ECA\u5929\u8868\u793A" },
        { "meta ISO-8859-2 on Latin-2 bytes is Latin-2", null, Encoding.GetEncoding("iso-8859-2").GetBytes("<meta charset=\"iso-8859-2\"><p>Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105</p>"), "Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105" },
        { "meta utf-16 on ASCII markup is UTF-8", null, Encoding.UTF8.GetBytes("<meta charset=\"utf-16\"><p>Gr\u00FC\u00DFe</p>"), "Gr\u00FC\u00DFe" },
        { "an unknown HTTP label is ignored for the meta", "x-no-such", Cp1252("<meta charset=\"windows-1252\"><p>\u201Cquoted\u201D</p>"), "\u201Cquoted\u201D" },
        { "a UTF-8 page cut inside a character is still UTF-8", null, [.. Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Gr\u00FC\u00DFe aus K\u00F6ln "), 0xE2, 0x82], "Gr\u00FC\u00DFe aus K\u00F6ln" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_charset_case_gives_the_right_text(string name, string? header, byte[] bytes, string expected)
    {
        var decoded = PageDecoder.Decode(bytes, header);

        Assert.True(decoded.Text.Contains(expected, StringComparison.Ordinal), $"{name}: got {decoded.Text} ({decoded.Charset}, {decoded.Source})");
        Assert.False(decoded.Text.StartsWith('\uFEFF'), $"{name}: the BOM is text");
    }

    [Fact]
    public void A_bom_page_with_a_header_charset_has_no_mojibake_in_its_first_block()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Extract.Page("<article><p>Gr\u00FC\u00DFe aus K\u00F6ln, where the council met on Tuesday to vote on the budget.</p></article>"))];

        var record = Extract.Html(PageDecoder.Decode(bytes, "iso-8859-1").Text);

        Assert.StartsWith("Gr\u00FC\u00DFe aus K\u00F6ln", record.Preview.Blocks[0].Text);
    }

    [Fact]
    public void A_page_with_one_nul_byte_gives_its_record()
    {
        var bytes = Encoding.UTF8.GetBytes(Extract.Page("<article><h1>Budget vote</h1><p>The minister said\0 parliament would vote on the budget plan before the summer recess.</p></article>"));

        var record = Extract.Html(PageDecoder.Decode(bytes).Text);

        Assert.Contains("summer recess", record.Preview.Text);
    }

    [Fact]
    public void Utf16_read_as_utf8_is_still_rejected_as_binary()
    {
        var bytes = Encoding.Unicode.GetBytes(Extract.Page("<article><p>The minister said parliament would vote on the budget plan.</p></article>"));

        var result = ExtractionPipeline.Default.Extract(new PageInput(PageDecoder.Decode(bytes).Text));

        Assert.False(result.IsSuccess);
        Assert.Contains("NUL", result.Error);
    }

    private static byte[] Cp1252(string text) => Encoding.GetEncoding(1252).GetBytes(text);
}
