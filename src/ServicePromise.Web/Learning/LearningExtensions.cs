namespace ServicePromise.Web.Learning;

public static class LearningExtensions
{
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Onboarding>();
        builder.Services.AddScoped<ProgressRecorder>();
        builder.Services.AddScoped<NewEditionAssigner>();
        builder.Services.AddScoped<EditionRollout>();
        builder.Services.AddScoped<PeriodicRefreshers>();
        builder.Services.AddHostedService<PeriodicRefresherJob>();
        return builder;
    }
}
