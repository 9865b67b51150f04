using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// A provider's callback address answers anyone: garbage sent to it is refused like any failed sign-in, but only
/// logged — the audit log records failures of sign-ins this browser started — and a burst from one address is cut off.
/// </summary>
public class SsoCallbackThrottlingTests(SsoCallbackThrottlingTests.LowLimitAppFactory app) : IClassFixture<SsoCallbackThrottlingTests.LowLimitAppFactory>
{
    public sealed class LowLimitAppFactory : SsoAppFactory
    {
        public LowLimitAppFactory()
        {
            Settings["Throttling:SsoCallbackPerAddress:Permits"] = "5";
            Settings["Throttling:SsoCallbackPerAddress:WindowSeconds"] = "3600";
        }
    }

    Task<int> RefusalsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SsoRefused));

    [Fact]
    public async Task Garbage_callbacks_are_not_audited_and_a_burst_is_throttled_never_an_error()
    {
        var before = await RefusalsAsync();
        var client = ClientAddress.From(app, "203.0.113.70");
        var garbage = new Func<int, Task<HttpResponseMessage>>[]
        {
            i => client.GetAsync($"/signin-oidc-empresa?state=garbage-{i}&code=x"),
            _ => client.GetAsync("/signin-oidc-numero"),
            i => client.PostAsync("/signin-oidc-nuevos", new FormUrlEncodedContent(new Dictionary<string, string> { ["state"] = "garbage-" + i, ["code"] = "x" })),
            i => client.GetAsync($"/signin-oidc-empresa?error=access_denied&state=garbage-{i}"),
            _ => client.GetAsync("/signin-oidc-audiencia?state=" + new string('A', 2000)),
        };
        for (var i = 0; i < garbage.Length; i++)
        {
            var refused = await garbage[i](i);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"garbage callback {i} answered {(int)refused.StatusCode}");
            Assert.StartsWith("/account/external?failed=", refused.Headers.Location?.OriginalString);
        }

        var throttled = await client.GetAsync("/signin-oidc-empresa?state=one-too-many&code=x");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(before, await RefusalsAsync());
        // Another address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await ClientAddress.From(app, "203.0.113.71").GetAsync("/signin-oidc-empresa?state=x")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_this_browser_started_is_still_audited_when_the_provider_answer_fails_its_checks()
    {
        var before = await RefusalsAsync();

        var response = await TestOidc.SignInAsync(ClientAddress.From(app, "203.0.113.80"), "audiencia", "lucia");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before + 1, await RefusalsAsync());
    }
}
