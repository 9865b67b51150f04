using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// A batch of letters (a site, a department, a team) is for people who have never signed in: a card left in a staff room
/// must not reset the password of someone who already uses the app. A forgotten password is a one-person print.
/// </summary>
public class LetterBatchTests
{
    static async Task<HttpResponseMessage> PrintSiteAsync(HttpClient hr, string site, bool reprint = false)
    {
        var page = await hr.GetPageAsync("/hr/letters");
        var id = page.QuerySelectorAll("#letters-site option").Single(o => o.TextContent == site).GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["Input.SiteId"] = id, ["Input.Layout"] = "Cards" };
        if (reprint) fields["Input.Reprint"] = "true";
        return await hr.SubmitAsync(page, "#letters-form", fields);
    }

    [Fact]
    public async Task A_batch_leaves_out_people_who_already_have_a_password_or_a_working_letter_unless_hr_reprints()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        // Rosa has no password yet; Ismael (the warehouse) already signs in. The page says who a batch is for, and why.
        Assert.Contains("En lote van solo quienes aún no tienen contraseña ni una carta sin usar (ahora, 1).",
            (await hr.GetPageAsync("/hr/letters")).QuerySelector("#letters-batch-rule")?.TextContent);

        var warehouse = await PrintSiteAsync(hr, "Centro logístico Dos Hermanas");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, warehouse.StatusCode);
        Assert.Contains("Nadie de esa selección espera carta.", Pages.Parse(await warehouse.Content.ReadAsStringAsync()).Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Letters.CountAsync()));

        var store = await PrintSiteAsync(hr, "Sevilla Centro");
        Assert.Equal(HttpStatusCode.OK, store.StatusCode);
        var first = LetterSteps.CodeIn(await store.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(first);

        // Printed again, the same site holds nobody: Rosa's letter still works and is not ended by a second pile.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PrintSiteAsync(hr, "Sevilla Centro")).StatusCode);
        Assert.Contains("(ahora, 0)", (await hr.GetPageAsync("/hr/letters")).QuerySelector("#letters-batch-rule")?.TextContent);
        await LetterSteps.PasswordFormAsync(app.Browser(), first);

        // Unless HR asks to reprint (the first pile was lost): a new letter, and the first one ends.
        var reprinted = await PrintSiteAsync(hr, "Sevilla Centro", reprint: true);
        Assert.Equal(HttpStatusCode.OK, reprinted.StatusCode);
        var second = LetterSteps.CodeIn(await reprinted.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(first, second);
        await LetterSteps.AssertRefusedAsync(app.Browser(), first);
        Assert.Equal(HttpStatusCode.Redirect, (await LetterSteps.ChoosePasswordAsync(app.Browser(), second)).StatusCode);

        // Now she has a password: even a reprint leaves her out, and Ismael's forgotten password is still a one-person print.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PrintSiteAsync(hr, "Sevilla Centro", reprint: true)).StatusCode);
        var ismael = await LetterSteps.IdOfAsync(app, DemoOrganisation.WarehouseWorkerWithoutEmail);
        var own = await hr.SubmitAsync(await hr.GetPageAsync($"/hr/people/{ismael}"), "#person-letter", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Ismael Torres Ruiz", Tools.PdfText(await own.Content.ReadAsByteArrayAsync()));
    }
}
