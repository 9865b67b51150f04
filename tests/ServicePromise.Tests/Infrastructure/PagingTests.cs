using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reports;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Infrastructure;

/// <summary>A page counts the list only when it must; what it reports is the same either way.</summary>
public class PagingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(23)]
    public async Task Every_requested_page_reports_the_true_total_and_clamps_to_the_pages_there_are(int rows)
    {
        using var temp = new TempDatabase();
        await using var db = temp.CreateContext();
        await db.Database.EnsureCreatedAsync();
        db.Departments.AddRange(Enumerable.Range(0, rows).Select(i => new Department { Name = $"D{i:000}" }));
        await db.SaveChangesAsync();
        var names = db.Departments.OrderBy(d => d.Name).Select(d => d.Name);
        var all = await names.ToListAsync();
        var allIds = await db.Departments.OrderBy(d => d.Name).Select(d => d.Id).ToListAsync();

        const int size = 5;
        var pages = Math.Max(1, (rows + size - 1) / size);
        foreach (var requested in new[] { -1, 0, 1, 2, pages - 1, pages, pages + 1, pages + 5 })
        {
            var page = await names.PageAsync(requested, CancellationToken.None, size);
            var number = Math.Clamp(requested, 1, pages);
            Assert.Equal(rows, page.Total);
            Assert.Equal(pages, page.Count);
            Assert.Equal(number, page.Number);
            Assert.Equal(all.Skip((number - 1) * size).Take(size), page.Items);

            // The completion list's ids, counted in the same pass when they are few (here: at most 12), cut and counted otherwise.
            var ids = await CompletionQuery.PageIdsAsync(db.Departments.OrderBy(d => d.Name).Select(d => d.Id), requested, CancellationToken.None, size, inOnePass: 12);
            Assert.Equal((rows, pages, number), (ids.Total, ids.Count, ids.Number));
            Assert.Equal(allIds.Skip((number - 1) * size).Take(size), ids.Items);
        }
    }
}
