namespace ServicePromise.Web.Coaching;

public static class CoachingExtensions
{
    /// <summary>Managers and HR coaching people: reviews of reflections, featured examples, reminders.</summary>
    public static IHostApplicationBuilder AddCoaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewRecorder>();
        builder.Services.AddScoped<Featuring>();
        builder.Services.AddScoped<Nudger>();
        return builder;
    }
}
