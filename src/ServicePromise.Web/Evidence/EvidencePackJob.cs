using Microsoft.Extensions.Options;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Evidence;

/// <summary>Wakes this instance's worker when HR requests a pack here, instead of waiting for the next poll.</summary>
public sealed class EvidencePackSignal : JobSignal;

/// <summary>
/// Builds requested evidence packs in the background, one at a time, on every app instance; the database claim in
/// <see cref="EvidencePackBuilder.ClaimNextAsync"/> keeps two instances from building the same pack.
/// </summary>
public sealed class EvidencePackJob(IServiceScopeFactory scopes, EvidencePackSignal signal, IOptions<EvidenceOptions> options, ILogger<EvidencePackJob> logger)
    : PollingJob(scopes, logger, signal)
{
    /// <summary>This worker's name on the claims: machine, process, and a random part for several hosts in one process.</summary>
    public string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override bool Enabled => options.Value.WorkerEnabled;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override string Work => "Looking for evidence packs to build";

    /// <summary>One pack; another run straight away when there was one, as more may be waiting.</summary>
    protected override Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EvidencePackBuilder>().RunOnceAsync(Worker, ct);
}

public static class EvidenceExtensions
{
    public static IHostApplicationBuilder AddEvidence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<EvidencePackBuilder>();
        builder.Services.AddSingleton<EvidencePackSignal>();
        builder.Services.AddHostedService<EvidencePackJob>();
        return builder;
    }
}
