namespace ServicePromise.Tests.Support;

/// <summary>A clock stopped at one instant, for rules that depend on "today".</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The real clock, moved forward by a settable amount, to let time pass inside one test.</summary>
public sealed class MovableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}
