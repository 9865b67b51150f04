using System.Net;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Letters;

/// <summary>Letter codes are guessed no faster than sign-in passwords: every try counts per client address.</summary>
public class LetterThrottlingTests
{
    [Fact]
    public async Task Tries_of_a_letter_code_are_limited_per_client_address_opened_or_typed()
    {
        using var app = new AppFactory { Settings = { ["Throttling:LetterCodePerAddress:Permits"] = "3", ["Throttling:LetterCodePerAddress:WindowSeconds"] = "3600" } };
        var client = ClientAddress.From(app, "203.0.113.40");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/account/letter?code=AAAA-BBBB-CCCC")).StatusCode);
        var page = await client.GetPageAsync("/account/letter");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Code"] = "AAAA-BBBB-CCCD" })).StatusCode);

        var throttled = await client.GetAsync("/account/letter?code=AAAA-BBBB-CCCE");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Contains("Vuelve a intentarlo dentro de 60 min.", await throttled.Content.ReadAsStringAsync());
        // Another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await ClientAddress.From(app, "203.0.113.41").GetAsync("/account/letter")).StatusCode);
    }
}
