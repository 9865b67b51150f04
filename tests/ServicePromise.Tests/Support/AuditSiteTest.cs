namespace ServicePromise.Tests.Support;

/// <summary>Tests of what the audit results show: each starts on its site with the standards of <see cref="AuditSeed"/> and no result.</summary>
public abstract class AuditSiteTest(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    protected AppFactory App { get; } = app;

    public virtual async Task InitializeAsync()
    {
        await App.StandardsAsync();
        await App.ClearResultsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
