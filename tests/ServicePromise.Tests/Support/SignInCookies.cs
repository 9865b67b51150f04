using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServicePromise.Tests.Support;

/// <summary>A session as a thief would hold it: the sign-in cookie alone, replayed by a client that keeps no cookies.</summary>
public static class SignInCookies
{
    /// <summary>Signs <paramref name="email"/> in on <paramref name="client"/> and returns the sign-in cookie it was given.</summary>
    public static async Task<string> SignedInCookieAsync(this HttpClient client, string email, string password = Pages.Password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("sp.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    /// <summary>The answer to a GET of <paramref name="url"/> carrying only <paramref name="cookie"/>.</summary>
    public static async Task<HttpStatusCode> StatusWithCookieAsync(this AppFactory app, string cookie, string url = "/me/record")
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
