using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Evidence;

/// <summary>Wakes this instance's worker when HR requests a pack here, instead of waiting for the next poll.</summary>
public sealed class EvidencePackSignal : IDisposable
{
    readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { } catch (ObjectDisposedException) { /* the app is stopping */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public void Dispose() => _wake.Dispose();
}

/// <summary>
/// Builds requested evidence packs in the background, one at a time, on every app instance; the database claim in
/// <see cref="EvidencePackBuilder.ClaimNextAsync"/> keeps two instances from building the same pack.
/// </summary>
public sealed class EvidencePackJob(IServiceScopeFactory scopes, EvidencePackSignal signal, IOptions<EvidenceOptions> options, ILogger<EvidencePackJob> logger)
    : BackgroundService
{
    /// <summary>This worker's name on the claims: machine, process, and a random part for several hosts in one process.</summary>
    public string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool built;
                do
                {
                    using var scope = scopes.CreateScope();
                    built = await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().RunOnceAsync(Worker, stoppingToken);
                }
                while (built && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Looking for evidence packs to build failed; trying again at the next poll");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
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
