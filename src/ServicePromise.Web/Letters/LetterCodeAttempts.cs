using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Letters;

/// <summary>
/// Counts letter codes that did not work, per client address (<see cref="ThrottlingOptions.LetterCodePerAddress"/>);
/// once a window's allowance is spent, the address is refused without looking at its code until the window ends. Only
/// failures count, as for SCIM tokens: the cashiers of one store's Wi-Fi using their letters at a shift change are not
/// guessing, and guessing one code in 2^59 stays hopeless.
/// </summary>
public sealed class LetterCodeAttempts(IOptions<ThrottlingOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.LetterCodePerAddress.Permits,
            Window = TimeSpan.FromSeconds(options.Value.LetterCodePerAddress.WindowSeconds),
            QueueLimit = 0,
        }));

    public bool Exhausted(HttpContext context) => _limiter.GetStatistics(Throttling.Address(context))?.CurrentAvailablePermits == 0;

    public void Failed(HttpContext context) => _limiter.AttemptAcquire(Throttling.Address(context)).Dispose();

    public int RetryAfterSeconds => options.Value.LetterCodePerAddress.WindowSeconds;

    public void Dispose() => _limiter.Dispose();
}
