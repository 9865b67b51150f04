using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts;

/// <summary>A bad session, throttling, password or proxy setting stops the app with a message naming it.</summary>
public class AccountSettingsTests
{
    [Theory]
    [InlineData("Accounts:SessionCheckSeconds", "600")]
    [InlineData("Accounts:SessionCheckSeconds", "-1")]
    [InlineData("Accounts:MinimumPasswordScore", "5")]
    [InlineData("Throttling:SignInPerAddress:Permits", "0")]
    [InlineData("Throttling:SignInPerAccount:WindowSeconds", "0")]
    [InlineData("Throttling:ForgotPasswordPerEmail:Permits", "-3")]
    [InlineData("Throttling:VerifyPerAddress:WindowSeconds", "100000")]
    [InlineData("App:KnownProxies:0", "not-an-address")]
    [InlineData("App:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("App:TrustForwardedHeaders", "true")]
    public void A_bad_setting_stops_the_app_naming_it(string key, string value)
    {
        using var app = new AppFactory();
        app.Settings[key] = value;
        var ex = Assert.ThrowsAny<Exception>(() => app.Browser());
        Assert.Contains(key.Replace(":0", ""), string.Join(" | ", Flatten(ex).Select(e => e.Message)));
    }

    static IEnumerable<Exception> Flatten(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException agg) foreach (var inner in agg.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
