namespace ServicePromise.Web.Infrastructure;

/// <summary>Wakes a <see cref="PollingJob"/> at once instead of at its next poll (an import queued invitations, HR asked for a pack).</summary>
public abstract class JobSignal : IDisposable
{
    readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Several wakes before the job looks count as one: it handles everything due when it runs.</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already woken */ }
        catch (ObjectDisposedException) { /* the app is stopping */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A background job on every app instance: runs its work in a scope of its own at start-up, then every
/// <see cref="Interval"/> (or at once when its <see cref="JobSignal"/> is woken). A run that says there is more to do
/// runs again straight away. A run that fails is logged and the job waits longer after each failure in a row
/// (<see cref="WaitAfter"/>), so a database that is down is not hammered. What keeps two instances from doing the same
/// work twice is each job's own claim in the database, not this loop.
/// </summary>
public abstract class PollingJob(IServiceScopeFactory scopes, ILogger logger, JobSignal? signal = null) : BackgroundService
{
    /// <summary>Off by a setting: the job never runs on this instance.</summary>
    protected virtual bool Enabled => true;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for its log lines ("sending reminders").</summary>
    protected abstract string Work { get; }

    /// <summary>One run in its own scope. True when there is more to do at once (a batch of a longer queue).</summary>
    protected abstract Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>The wait before the next run: the interval, doubled for each failure in a row up to eight times it.</summary>
    public static TimeSpan WaitAfter(TimeSpan interval, int failuresInARow) =>
        interval * Math.Pow(2, Math.Clamp(failuresInARow, 0, 3));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        await Task.Yield(); // let the host finish starting before the first run
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool more;
                do
                {
                    using var scope = scopes.CreateScope();
                    more = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                }
                while (more && !stoppingToken.IsCancellationRequested);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogError(ex, "{Work} failed ({Failures} in a row); trying again in {Wait}", Work, failures, WaitAfter(Interval, failures));
            }
            try
            {
                var wait = WaitAfter(Interval, failures);
                if (signal is null) await Task.Delay(wait, stoppingToken);
                else await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
