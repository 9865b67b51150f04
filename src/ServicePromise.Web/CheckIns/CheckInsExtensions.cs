namespace ServicePromise.Web.CheckIns;

public static class CheckInsExtensions
{
    /// <summary>Following up the action each person committed to in a reflection: schedule, answers, replies, emails.</summary>
    public static IHostApplicationBuilder AddCheckIns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CheckInPlanner>();
        builder.Services.AddScoped<CheckInMailer>();
        builder.Services.AddHostedService<CheckInMailJob>();
        return builder;
    }
}
