using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServicePromise.Tests.Support;

/// <summary>
/// The real SMTP server tests/run-all.sh starts (maildev on loopback ports: SP_TEST_SMTP_PORT for SMTP,
/// SP_TEST_MAILDEV for its HTTP API). Mail tests send through it and read the messages back from it.
/// </summary>
public static class TestSmtp
{
    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("SP_TEST_SMTP_PORT"), out var port)
        ? port
        : throw new InvalidOperationException("SP_TEST_SMTP_PORT is not set: run the tests with 'bash tests/run-all.sh', which starts maildev.");

    static string Api => Environment.GetEnvironmentVariable("SP_TEST_MAILDEV") is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException("SP_TEST_MAILDEV is not set: run the tests with 'bash tests/run-all.sh', which starts maildev.");

    /// <summary>Settings that send the app's mail through maildev.</summary>
    public static void Use(AppFactory app)
    {
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = Port.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record Received(string To, string Subject, string Text);

    /// <summary>Messages maildev has received for <paramref name="address"/>, waiting up to a few seconds for the first.</summary>
    public static async Task<IReadOnlyList<Received>> ForAsync(string address)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            var all = await http.GetFromJsonAsync<JsonElement>(Api + "/email");
            var mine = all.EnumerateArray()
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                .Select(m => new Received(address, m.GetProperty("subject").GetString() ?? "", m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : ""))
                .ToList();
            if (mine.Count > 0) return mine;
            await Task.Delay(100);
        }
        return [];
    }
}
