namespace NewsIngest.Cli.Tests.Errors;

public sealed class ErrorTextTests
{
    [Fact]
    public void A_multi_line_exception_message_is_reported_on_one_line()
    {
        var message = new FileNotFoundException("Could not find file '/x/y.html'.\nFile name: '/x/y.html'\r\n   at somewhere").Message;

        var line = ErrorText.OneLine(message);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Equal("Could not find file '/x/y.html'. File name: '/x/y.html' at somewhere", line);
    }
}
