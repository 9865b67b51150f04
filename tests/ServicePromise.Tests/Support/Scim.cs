using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Support;

/// <summary>An identity provider's side of <c>/scim/v2</c>: a token made as an admin would, and requests with SCIM bodies.</summary>
public static class Scim
{
    public const string Enterprise = ScimUserRules.EnterpriseSchema;
    public const string Ours = ScimUserRules.OurSchema;

    /// <summary>A token made through the service the admin page uses.</summary>
    public static async Task<string> TokenAsync(this AppFactory app, string name = "Entra ID")
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ScimTokens>().CreateAsync(name, "test", CancellationToken.None)).Text;
    }

    /// <summary>A client that keeps no cookies and sends the token on every request.</summary>
    public static HttpClient ScimClient(this AppFactory app, string? token)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/scim+json");

    public static StringContent Body(JsonNode json) => Body(json.ToJsonString());

    public static async Task<(int Status, JsonObject? Json, string Text)> SendAsync(this HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Body(json) };
        var answer = await client.ExchangeAsync(request);
        return (answer.Status, answer.Json, answer.Text);
    }

    /// <summary>A SCIM answer with its headers.</summary>
    public sealed record Answer(int Status, JsonObject? Json, string Text, HttpResponseHeaders Headers, HttpContentHeaders Content)
    {
        public static implicit operator (int Status, JsonObject? Json, string Text)(Answer a) => (a.Status, a.Json, a.Text);
    }

    /// <summary>
    /// Sends a request and checks what every SCIM answer is, whatever its status: SCIM JSON (or empty), never kept by a
    /// browser or proxy (<c>Cache-Control: no-store</c>), and never setting a cookie.
    /// </summary>
    public static async Task<Answer> ExchangeAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length > 0)
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/scim+json", $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{request.Method} {request.RequestUri}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{request.Method} {request.RequestUri} set a cookie");
        return new Answer((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject, text, response.Headers, response.Content.Headers);
    }

    /// <summary>SCIM's error object with this status (and type, when given).</summary>
    public static void AssertError((int Status, JsonObject? Json, string Text) answer, int status, string? scimType = null)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {answer.Text}");
        Assert.NotNull(answer.Json);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)answer.Json!["schemas"]![0]);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)answer.Json["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)answer.Json["detail"]));
        if (scimType is not null) Assert.Equal(scimType, (string?)answer.Json["scimType"]);
    }
}
