namespace ServicePromise.Web.ActionPlans;

public static class ActionPlansExtensions
{
    /// <summary>The managers' action plans after an audit finding: writing, approving, before and after.</summary>
    public static IHostApplicationBuilder AddActionPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanWorkflow>();
        return builder;
    }
}
