namespace ServicePromise.Tests.Support;

/// <summary>A clock stopped at one instant, for rules that depend on "today".</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
