using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Learning;

public class LanguageFallbackTests
{
    [Fact]
    public async Task A_pillar_missing_in_english_is_shown_in_spanish_with_a_notice()
    {
        var content = Repo.CopyContent();
        File.Delete(Path.Combine(content, "en/pillars/05-internal-customer.md"));
        using var app = new AppFactory { ContentPath = content };
        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0101")).Language = "en";
            return await db.SaveChangesAsync();
        });
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Listen before you answer", home.Text());
        Assert.Contains("Cliente es todo aquel que no soy yo", home.Text());
        Assert.Contains("shown in the original language", home.Text());
    }
}
