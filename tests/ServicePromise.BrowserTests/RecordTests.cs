using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>"Mi historial" on a phone: reachable from the header, folded so it stays short, nothing wider than the screen.</summary>
public class RecordTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    [Fact]
    public async Task A_person_reads_their_record_on_a_phone_and_downloads_it()
    {
        var page = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(page, "manuel.ortiz@demo.mercadosolivo.es");
        await PhoneTests.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mi historial" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/me/record$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi historial", Level = 1 })).ToBeVisibleAsync();

        // Pillars start folded: the reflection text is there, but not on screen until asked for.
        // The first pillar's reflection heading is the first on the page (hidden ones included, as it starts folded).
        var first = ShippedContent.Pillars("es")[0];
        var reflection = page.GetByRole(AriaRole.Heading, new() { Name = "Tu reflexión", Exact = true, IncludeHidden = true }).First;
        await Assertions.Expect(reflection).Not.ToBeVisibleAsync();
        await page.GetByText($"{first.Order}. {first.Title}").First.ClickAsync();
        await Assertions.Expect(reflection).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 375 px screen");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Descargar mi historial (PDF)" }).ClickAsync());
        Assert.Matches(@"^mi-historial-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
    }
}
