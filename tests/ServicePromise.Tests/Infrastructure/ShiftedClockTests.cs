using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Infrastructure;

/// <summary>The browser tests' way to move the site's clock works only in Development.</summary>
public class ShiftedClockTests : IDisposable
{
    readonly string _file = Path.GetTempFileName();

    IConfiguration Settings() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ShiftedClock.Setting] = _file }).Build();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_shift_file_is_ignored(string environment)
    {
        File.WriteAllText(_file, "10");
        var clock = ShiftedClock.For(new HostingEnvironment { EnvironmentName = environment }, Settings());
        Assert.Same(TimeProvider.System, clock);
        Assert.True(clock.GetUtcNow() - DateTimeOffset.UtcNow < TimeSpan.FromHours(1));
    }

    [Fact]
    public void In_development_the_shift_is_read_on_every_call()
    {
        var clock = ShiftedClock.For(new HostingEnvironment { EnvironmentName = Environments.Development }, Settings());
        Assert.True((clock.GetUtcNow() - DateTimeOffset.UtcNow).Duration() < TimeSpan.FromHours(1));
        File.WriteAllText(_file, "10");
        var shifted = clock.GetUtcNow() - DateTimeOffset.UtcNow;
        Assert.InRange(shifted, TimeSpan.FromDays(10) - TimeSpan.FromHours(1), TimeSpan.FromDays(10) + TimeSpan.FromHours(1));
    }

    [Fact]
    public void Development_without_the_setting_keeps_the_system_clock() =>
        Assert.Same(TimeProvider.System, ShiftedClock.For(new HostingEnvironment { EnvironmentName = Environments.Development }, new ConfigurationBuilder().Build()));

    public void Dispose()
    {
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }
}
