namespace ServicePromise.Web.Letters;

public static class LettersExtensions
{
    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<LetterPrinting>();
        builder.Services.AddScoped<LetterRenderer>();
        builder.Services.AddSingleton<LetterCodeAttempts>();
        return builder;
    }
}
