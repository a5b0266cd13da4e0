using System.Net;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class RetryAfterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

    private static HttpResponseMessage Answer(string? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    [Fact]
    public void Delta_seconds_are_read_as_given()
    {
        using var response = Answer("120");

        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter.Read(response, _time));
    }

    [Fact]
    public void An_http_date_is_measured_against_the_injected_clock()
    {
        using var response = Answer("Sat, 28 Nov 2026 03:01:30 GMT");

        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Read(response, _time));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(response, _time)); // a date in the past means now
    }

    [Fact]
    public void A_long_retry_after_is_cut_to_the_cap_and_a_missing_or_garbled_one_is_null()
    {
        using var longWait = Answer("86400");
        using var missing = Answer(null);
        using var garbled = Answer("soon");

        Assert.Equal(TimeSpan.FromMinutes(5), RetryAfter.Read(longWait, _time, TimeSpan.FromMinutes(5)));
        Assert.Null(RetryAfter.Read(missing, _time, TimeSpan.FromMinutes(5)));
        Assert.Null(RetryAfter.Read(garbled, _time));
    }
}
