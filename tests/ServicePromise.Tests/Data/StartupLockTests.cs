using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Data;

/// <summary>The lock start-up runs under: a second holder waits until the first lets go, on both databases.</summary>
public class StartupLockTests
{
    [Fact]
    public async Task A_second_instance_waits_for_the_first_on_SQLite()
    {
        using var database = new TempDatabase();
        await AssertSerialisedAsync(database.CreateContext);
    }

    [Fact]
    public async Task A_second_instance_waits_for_the_first_on_PostgreSQL()
    {
        using var database = new TestPostgres();
        await AssertSerialisedAsync(() => new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString).Options));
    }

    static async Task AssertSerialisedAsync(Func<AppDbContext> context)
    {
        await using var firstDb = context();
        await using var secondDb = context();
        var first = await StartupLock.AcquireAsync(firstDb, NullLogger.Instance);
        var second = StartupLock.AcquireAsync(secondDb, NullLogger.Instance);
        // Not a timing assertion: whatever the wait, the second must still be waiting while the first holds the lock.
        await Task.Delay(500);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
