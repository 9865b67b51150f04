using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Infrastructure;

/// <summary>The loop the background jobs share: runs at start, again when woken, survives a failed run, stops when told.</summary>
public class PollingJobTests
{
    sealed class Signal : JobSignal;

    /// <summary>A job whose runs are scripted: each run takes the next step (throw, "more to do", "done") and reports it.</summary>
    sealed class ScriptedJob(Signal signal, params string[] steps) : PollingJob(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, signal)
    {
        readonly Queue<string> _steps = new(steps);
        public List<string> Runs { get; } = [];
        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        protected override TimeSpan Interval => TimeSpan.FromHours(1); // only the signal wakes it within a test
        protected override string Work => "Scripted work";

        protected override Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
        {
            var step = _steps.Count > 0 ? _steps.Dequeue() : "done";
            lock (Runs) Runs.Add(step);
            if (step == "fail") Failed.TrySetResult();
            if (_steps.Count == 0) Finished.TrySetResult();
            return step == "fail" ? throw new InvalidOperationException("the database is down") : Task.FromResult(step == "more");
        }
    }

    [Fact]
    public async Task A_run_with_more_to_do_runs_again_at_once_and_a_failed_run_does_not_stop_the_job()
    {
        var signal = new Signal();
        var job = new ScriptedJob(signal, "more", "more", "fail", "done");
        await job.StartAsync(CancellationToken.None);
        // The two "more" runs follow the first at once, then the failure; after it only a wake makes it run before the hour.
        await job.Failed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        signal.Wake();
        await job.Finished.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await job.StopAsync(CancellationToken.None);
        Assert.Equal(["more", "more", "fail", "done"], job.Runs);
    }

    [Fact]
    public void Failures_in_a_row_lengthen_the_wait_up_to_eight_intervals()
    {
        var interval = TimeSpan.FromMinutes(5);
        Assert.Equal(interval, PollingJob.WaitAfter(interval, 0));
        Assert.Equal(TimeSpan.FromMinutes(10), PollingJob.WaitAfter(interval, 1));
        Assert.Equal(TimeSpan.FromMinutes(20), PollingJob.WaitAfter(interval, 2));
        Assert.Equal(TimeSpan.FromMinutes(40), PollingJob.WaitAfter(interval, 3));
        Assert.Equal(TimeSpan.FromMinutes(40), PollingJob.WaitAfter(interval, 12));
    }
}
