using System.Threading.RateLimiting;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Counts what did not work — a wrong secret sent — per client address; once a window's allowance is spent, the address
/// is refused without looking at what it sends until the window ends. Only failures count, so many people behind one
/// address using what they were given are never held up, and guessing stays hopeless and cheap for us.
/// </summary>
public abstract class FailedAttempts(Func<RateLimit> limit) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit().Permits,
            Window = TimeSpan.FromSeconds(limit().WindowSeconds),
            QueueLimit = 0,
        }));

    public bool Exhausted(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    public void Failed(string address) => _limiter.AttemptAcquire(address).Dispose();

    public int RetryAfterSeconds => limit().WindowSeconds;

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}
