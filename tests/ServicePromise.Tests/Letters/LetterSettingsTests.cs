using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Letters;

public class LetterSettingsTests
{
    [Theory]
    [InlineData("Letters:ExpiryDays", "0")]
    [InlineData("Letters:ExpiryDays", "91")]
    [InlineData("Throttling:LetterCodePerAddress:Permits", "0")]
    [InlineData("Letters:CodeKey", "too-short-to-be-a-secret")]
    public void A_bad_letter_setting_stops_the_app_naming_it(string key, string value)
    {
        using var app = new AppFactory();
        app.Settings[key] = value;
        var ex = Assert.ThrowsAny<Exception>(() => app.Browser());
        Assert.Contains(key, string.Join(" | ", Flatten(ex).Select(e => e.Message)));
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
