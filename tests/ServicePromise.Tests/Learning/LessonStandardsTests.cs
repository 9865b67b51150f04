using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Learning;

/// <summary>The lesson tells staff how customers will judge the pillar: its standards, from the person's own edition, in their language.</summary>
public class LessonStandardsTests
{
    static IReadOnlyList<string> Standards(IHtmlDocument page) =>
        page.QuerySelectorAll("section.standards li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();

    [Fact]
    public async Task The_lesson_lists_its_standards_with_how_they_are_measured_and_the_threshold()
    {
        using var app = new AppFactory();
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var page = await manuel.GetPageAsync("/pillars/listen");

        Assert.Equal("Cómo lo medimos", page.QuerySelector("section.standards h2")?.TextContent);
        Assert.Equal([
            "El cliente puede terminar de explicarse antes de que le respondamos. Cómo se mide Cliente misterioso: 10 visitas al mes por tienda, en caja y en mostrador. Nuestro estándar 80 sobre 100",
            "Antes de resolver, repetimos con nuestras palabras lo que el cliente nos ha pedido. Cómo se mide Escucha de llamadas de atención al cliente: 30 llamadas al mes, elegidas al azar. Nuestro estándar 75 sobre 100",
        ], Standards(page));
    }

    [Fact]
    public async Task Someone_who_reads_in_english_gets_the_standards_in_english()
    {
        using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0101")).Language = "en";
            return await db.SaveChangesAsync();
        });
        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        var page = await lucia.GetPageAsync("/pillars/tell-the-truth");

        Assert.Equal("How we measure it", page.QuerySelector("section.standards h2")?.TextContent);
        var standard = Assert.Single(Standards(page));
        Assert.StartsWith("Customers leave knowing the price, the timing and the terms of what we offered them. How it is measured Post-purchase customer survey", standard);
        Assert.EndsWith("Our standard 80 out of 100", standard);
    }

    [Fact]
    public async Task Each_person_sees_the_threshold_of_their_own_assignments_edition()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        Assert.Contains("80 sobre 100", Standards(await lucia.GetPageAsync("/pillars/listen"))[0]);

        // A threshold alone is no reason to redo a lesson: Manuel, who had completed edition 1, stays on it.
        StandardEdits.RaiseListeningThreshold(content);
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var published = await admin.SubmitAsync(await admin.GetPageAsync("/admin/content"), "form[action*='handler=Publish']",
            new Dictionary<string, string> { ["Input.Note"] = "Umbral de escucha a 90", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Contains("90 sobre 100", Standards(await lucia.GetPageAsync("/pillars/listen"))[0]);
        Assert.Contains("80 sobre 100", Standards(await manuel.GetPageAsync("/pillars/listen"))[0]);
    }

    [Fact]
    public async Task A_pillar_without_standards_shows_no_measuring_section()
    {
        var content = Repo.CopyContent();
        StandardEdits.RemoveTruthStandards(content);
        using var app = new AppFactory { ContentPath = content };
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);

        var page = await manuel.GetPageAsync("/pillars/tell-the-truth");
        Assert.NotNull(page.QuerySelector("article.lesson h2"));
        Assert.Null(page.QuerySelector("section.standards"));
        Assert.DoesNotContain("Cómo lo medimos", page.Body!.TextContent);
        Assert.NotNull((await manuel.GetPageAsync("/pillars/listen")).QuerySelector("section.standards"));
    }
}
