using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Web.Letters;

namespace ServicePromise.Tests.Support;

/// <summary>Welcome letters in tests: printed through the service or a page, and used on /account/letter as a phone does.</summary>
public static partial class LetterSteps
{
    public const string NewPassword = "Cajas-de-madera-junto-al-rio-7";

    [GeneratedRegex("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex CodePattern();

    /// <summary>The first letter code printed in a PDF.</summary>
    public static string CodeIn(byte[] pdf) => CodePattern().Match(Tools.PdfText(pdf)).Value;

    public static Task<int> IdOfAsync(AppFactory app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync());

    /// <summary>Prints one person's letter as their page does, without drawing it; the code that would be on paper.</summary>
    public static async Task<string> PrintAsync(AppFactory app, int employeeId)
    {
        using var scope = app.Services.CreateScope();
        var printing = scope.ServiceProvider.GetRequiredService<LetterPrinting>();
        var people = await printing.RecipientsAsync(new LetterSelection(EmployeeId: employeeId), CancellationToken.None);
        IReadOnlyList<PrintedLetter> printed = [];
        await printing.PrintAsync(people, null, letters => { printed = letters; return [1]; }, CancellationToken.None);
        return printed.Single().Code;
    }

    /// <summary>The code sent from the letter page's first form: typed, or put there by the page's script from the QR code's link.</summary>
    public static async Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string code)
    {
        var start = await client.GetPageAsync("/account/letter");
        return await client.SubmitAsync(start, "form[data-letter-code]", new Dictionary<string, string> { ["Code"] = code });
    }

    /// <summary>The password form a working code opens.</summary>
    public static async Task<IHtmlDocument> PasswordFormAsync(HttpClient client, string code)
    {
        var response = await SendCodeAsync(client, code);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK && page.QuerySelector("#Input_Password") is not null,
            $"{(int)response.StatusCode}: {page.QuerySelector("main")?.TextContent}");
        return page;
    }

    public static Dictionary<string, string> PasswordFields(string password = NewPassword) =>
        new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password };

    /// <summary>Opens the letter's page with the code and chooses the password there; the answer is the redirect home.</summary>
    public static async Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient client, string code, string password = NewPassword)
    {
        var response = await client.SubmitAsync(await PasswordFormAsync(client, code), "form", PasswordFields(password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}: {Pages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent}");
        return response;
    }

    public static async Task AssertRefusedAsync(HttpClient client, string code)
    {
        var response = await SendCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("#Input_Password"));
        Assert.Contains("Ese código no sirve", page.Text());
    }
}
