using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Content;

public class EditionTests
{
    [Fact]
    public async Task Unchanged_content_publishes_nothing_new_and_changed_content_the_next_number()
    {
        using var temp = new TempDatabase();
        var root = Repo.CopyContent();
        await using (var db = temp.CreateContext()) await db.MigrateAsync();

        async Task<Edition> PublishAsync()
        {
            await using var db = temp.CreateContext();
            return (await new EditionPublisher(db, TimeProvider.System, NullLogger<EditionPublisher>.Instance)
                .PublishAsync(ContentLoader.Load(root, "es"), "nota")).Edition;
        }

        var first = await PublishAsync();
        var again = await PublishAsync();
        Assert.Equal(1, first.Number);
        Assert.Equal(first.Id, again.Id);

        var file = Path.Combine(root, "es/pillars/03-own-it.md");
        File.AppendAllText(file, "\nUn párrafo nuevo.\n");
        var second = await PublishAsync();
        Assert.Equal(2, second.Number);

        await using var check = temp.CreateContext();
        Assert.Equal(2, await check.Editions.CountAsync());
        // Edition 1 is still there, word for word.
        var oldBody = await check.PillarTexts.Where(t => t.Language == "es" && check.Pillars.Any(p => p.Id == t.PillarId && p.Key == "own-it" && p.Edition!.Number == 1))
            .Select(t => t.BodyMarkdown).SingleAsync();
        Assert.DoesNotContain("Un párrafo nuevo.", oldBody);
        Assert.Equal(10, await check.PillarTexts.CountAsync(t => check.Pillars.Any(p => p.Id == t.PillarId && p.Edition!.Number == 2)));
    }

    [Fact]
    public async Task Going_back_to_an_earlier_text_is_a_new_edition_and_the_current_one()
    {
        using var temp = new TempDatabase();
        var root = Repo.CopyContent();
        var file = Path.Combine(root, "es/pillars/03-own-it.md");
        var original = File.ReadAllText(file);
        await using (var db = temp.CreateContext()) await db.MigrateAsync();

        async Task<int> PublishAsync()
        {
            await using var db = temp.CreateContext();
            return (await new EditionPublisher(db, TimeProvider.System, NullLogger<EditionPublisher>.Instance)
                .PublishAsync(ContentLoader.Load(root, "es"), "nota")).Edition.Number;
        }

        Assert.Equal(1, await PublishAsync());
        File.AppendAllText(file, "\nUn párrafo nuevo.\n");
        Assert.Equal(2, await PublishAsync());
        File.WriteAllText(file, original);
        Assert.Equal(3, await PublishAsync());
        Assert.Equal(3, await PublishAsync());
    }
}
