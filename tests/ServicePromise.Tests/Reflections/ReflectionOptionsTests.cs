using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

/// <summary>The Reflections settings, read as <c>AddReflections</c> reads them: own section, former Learning names, start-up validation.</summary>
public class ReflectionOptionsTests
{
    static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReflections();
        return builder.Build();
    }

    static ReflectionOptions Read(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        return host.Services.GetRequiredService<IOptions<ReflectionOptions>>().Value;
    }

    [Fact]
    public void The_settings_are_read_from_their_own_section()
    {
        var options = Read(new() { ["Reflections:ReviewRequired"] = "true", ["Reflections:MeaningMinLength"] = "80", ["Reflections:SimilarityThreshold"] = "0.75" });
        Assert.True(options.ReviewRequired);
        Assert.Equal(new PartBounds(80, 1200), options.BoundsOf(ReflectionPart.Meaning));
        Assert.Equal(0.75, options.SimilarityThreshold);
    }

    [Fact]
    public void The_former_Learning_names_still_work_and_the_Reflections_section_wins_over_them()
    {
        var former = Read(new() { ["Learning:ReviewRequired"] = "true", ["Learning:ActionMaxLength"] = "900", ["Learning:SimilarityThreshold"] = "0.8" });
        Assert.True(former.ReviewRequired);
        Assert.Equal(new PartBounds(30, 900), former.BoundsOf(ReflectionPart.Action));
        Assert.Equal(0.8, former.SimilarityThreshold);

        var both = Read(new() { ["Learning:ReviewRequired"] = "true", ["Reflections:ReviewRequired"] = "false", ["Learning:CustomersMinLength"] = "40" });
        Assert.False(both.ReviewRequired);
        Assert.Equal(new PartBounds(40, 600), both.BoundsOf(ReflectionPart.Customers));
    }

    [Theory]
    [InlineData("Reflections:SimilarityThreshold", "0.1", "Reflections:SimilarityThreshold (formerly Learning:SimilarityThreshold) must be between 0.3 and 1.")]
    [InlineData("Learning:MeaningMaxLength", "5", "Reflections:MeaningMaxLength (formerly Learning:MeaningMaxLength) must be between 20 and 4000.")]
    [InlineData("Reflections:CustomersMinLength", "600", "Reflections:CustomersMinLength (600) must be smaller than Reflections:CustomersMaxLength (600)")]
    public async Task A_bad_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        using var host = Build(new() { [key] = value });
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        using var host = Build([]);
        await host.StartAsync();
        await host.StopAsync();
        Assert.False(host.Services.GetRequiredService<IOptions<ReflectionOptions>>().Value.ReviewRequired);
    }
}
