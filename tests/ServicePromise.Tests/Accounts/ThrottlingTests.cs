using System.Net;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts;

/// <summary>Bursts against sign-in, forgot-password and /verify are cut off with a 429 that says when to try again.</summary>
public class ThrottlingTests(ThrottlingTests.LowLimitsAppFactory app) : IClassFixture<ThrottlingTests.LowLimitsAppFactory>
{
    public sealed class LowLimitsAppFactory : AppFactory
    {
        protected override bool StartsLikeItsSettings => true;

        public LowLimitsAppFactory()
        {
            Limit("SignInPerAddress", 4);
            Limit("SignInPerAccount", 2);
            Limit("ForgotPasswordPerAddress", 4);
            Limit("ForgotPasswordPerEmail", 2);
            Limit("VerifyPerAddress", 3);
        }

        void Limit(string name, int permits)
        {
            Settings[$"Throttling:{name}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings[$"Throttling:{name}:WindowSeconds"] = "3600";
        }
    }

    const string Spanish = "Vuelve a intentarlo dentro de 60 min.";
    const string English = "Please try again in 60 min.";

    [Fact]
    public async Task Sign_in_is_limited_per_client_address()
    {
        var client = ClientAddress.From(app, "203.0.113.10");
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync($"nadie{i}@example.com", "wrong-password")).StatusCode);

        await AssertThrottledAsync(await client.SignInAsync("nadie.mas@example.com", "wrong-password"), Spanish);
        // Another address, even for the same person, is not affected.
        await ClientAddress.From(app, "203.0.113.11").SignedInAsync("sergio.molina@demo.mercadosolivo.es");
    }

    [Fact]
    public async Task Sign_in_is_limited_per_account_whatever_the_address_in_the_persons_language()
    {
        const string victim = "raul.dominguez@demo.mercadosolivo.es";
        Assert.Equal(HttpStatusCode.OK, (await ClientAddress.From(app, "198.51.100.1").SignInAsync(victim, "guess-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientAddress.From(app, "198.51.100.2").SignInAsync(victim.ToUpperInvariant(), "guess-2")).StatusCode);

        var third = ClientAddress.From(app, "198.51.100.3", language: "en");
        await AssertThrottledAsync(await third.SignInAsync(" " + victim, "guess-3"), English);
        // Another account from the same address is not affected.
        await third.SignedInAsync("diego.mendez@demo.mercadosolivo.es");
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_target_email_so_a_victim_gets_few_mails()
    {
        const string victim = "silvia.lorenzo@demo.mercadosolivo.es";
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await ForgotAsync(ClientAddress.From(app, $"192.0.2.{20 + i}"), victim)).StatusCode);

        await AssertThrottledAsync(await ForgotAsync(ClientAddress.From(app, "192.0.2.30"), victim), Spanish);
        Assert.Equal(2, app.Mails().Count(m => m.Contains(victim)));
        // Another person's reset from the same address still goes out.
        Assert.Equal(HttpStatusCode.OK, (await ForgotAsync(ClientAddress.From(app, "192.0.2.30"), "marcos.gomez@demo.mercadosolivo.es")).StatusCode);
    }

    [Fact]
    public async Task The_per_email_limit_counts_the_address_the_page_binds_however_it_is_sent()
    {
        const string victim = "raul.dominguez@demo.mercadosolivo.es";
        async Task<HttpResponseMessage> PostAsync(string address, string query, params (string Key, string Value)[] fields)
        {
            var client = ClientAddress.From(app, address);
            var form = await client.GetPageAsync("/account/forgot-password");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var body = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Prepend(KeyValuePair.Create("__RequestVerificationToken", token)));
            return await client.PostAsync("/account/forgot-password" + query, body);
        }

        // In the query string only (model binding falls back to it), then in another case: both count against the victim…
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("198.51.100.1", "?Input.Email=" + Uri.EscapeDataString(victim))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("198.51.100.2", "", ("Input.Email", victim.ToUpperInvariant()))).StatusCode);
        // …and a second copy of the field (binding takes the first) does not make a new account to count against.
        await AssertThrottledAsync(await PostAsync("198.51.100.3", "", ("Input.Email", victim), ("Input.Email", Guid.NewGuid() + "@example.com")), Spanish);
        Assert.Equal(2, app.Mails().Count(m => m.Contains(victim)));
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_client_address()
    {
        var client = ClientAddress.From(app, "192.0.2.40", language: "en");
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await ForgotAsync(client, $"nadie{i}@example.com")).StatusCode);

        await AssertThrottledAsync(await ForgotAsync(client, "otro@example.com"), English);
        Assert.Equal(HttpStatusCode.OK, (await ForgotAsync(ClientAddress.From(app, "192.0.2.41"), "otro@example.com")).StatusCode);
    }

    [Fact]
    public async Task Verify_is_limited_per_client_address_by_code_and_by_query()
    {
        var client = ClientAddress.From(app, "2001:db8:5::1");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify/ABCD-EFGH-JKLM")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify?code=abcd-efgh-jkln")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify")).StatusCode);

        await AssertThrottledAsync(await client.GetAsync("/verify/ABCD-EFGH-JKLP"), Spanish);
        // The same /64 is one client; another network is not affected.
        await AssertThrottledAsync(await ClientAddress.From(app, "2001:db8:5::2").GetAsync("/verify?code=x"), Spanish);
        Assert.Equal(HttpStatusCode.OK, (await ClientAddress.From(app, "2001:db8:6::1").GetAsync("/verify")).StatusCode);
    }

    [Fact]
    public async Task A_throttled_request_with_a_body_the_pages_refuse_still_gets_the_429_page()
    {
        var client = ClientAddress.From(app, "198.51.100.77");
        for (var i = 0; i < 3; i++) await client.GetAsync("/verify");
        var json = await client.PostAsync("/verify", new StringContent("{\"code\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        await AssertThrottledAsync(json, Spanish);
    }

    static async Task AssertThrottledAsync(HttpResponseMessage response, string text)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 3500, 3600);
        Assert.Contains(text, Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
    }

    static async Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email)
    {
        var form = await client.GetPageAsync("/account/forgot-password");
        return await client.SubmitAsync(form, "form", new Dictionary<string, string> { ["Input.Email"] = email });
    }
}
