namespace ServicePromise.Web.Feedback;

public static class FeedbackExtensions
{
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EditionStandards>();
        builder.Services.AddScoped<SiteResults>();
        return builder;
    }
}
