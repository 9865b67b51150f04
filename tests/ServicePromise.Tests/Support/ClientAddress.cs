using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ServicePromise.Tests.Support;

/// <summary>
/// The test server has no network peer; a request may say which address it comes from with
/// <see cref="Header"/>, as the connection's own remote address (what a proxy or a client would be seen as).
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
            await nextMiddleware();
        });
        next(app);
    };

    /// <summary>A browser-like client whose requests all come from <paramref name="address"/>.</summary>
    public static HttpClient From(AppFactory app, string address, string? language = null)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add(Header, address);
        if (language is not null) client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }
}
