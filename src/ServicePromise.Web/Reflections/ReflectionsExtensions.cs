namespace ServicePromise.Web.Reflections;

public static class ReflectionsExtensions
{
    public static IHostApplicationBuilder AddReflections(this IHostApplicationBuilder builder)
    {
        // The former Learning names first, so a value under Reflections wins.
        builder.Services.AddOptions<ReflectionOptions>()
            .BindConfiguration(ReflectionOptions.FormerSection)
            .BindConfiguration(ReflectionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReflectionRecorder>();
        return builder;
    }
}
