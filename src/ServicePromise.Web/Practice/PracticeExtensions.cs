namespace ServicePromise.Web.Practice;

public static class PracticeExtensions
{
    public static IHostApplicationBuilder AddPractice(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<WeeklyQuestions>();
        builder.Services.AddScoped<PracticeMarker>();
        builder.Services.AddScoped<PracticeReset>();
        builder.Services.AddScoped<KnowledgeKept>();
        builder.Services.AddScoped<KnowledgeCells>();
        builder.Services.AddScoped<SyntheticPractice>();
        builder.Services.AddScoped<WeeklyQuestionMailer>();
        builder.Services.AddScoped<KnowledgeRefreshers>();
        builder.Services.AddHostedService<WeeklyQuestionJob>();
        builder.Services.AddHostedService<WeeklyQuestionMailJob>();
        return builder;
    }
}
