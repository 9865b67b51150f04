using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Content;

public static class ContentExtensions
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<EditionPublisher>();
        return builder;
    }

    /// <summary>Reads and validates the content folder; throws <see cref="ContentInvalidException"/> naming every broken file and line.</summary>
    public static ContentSet LoadContent(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
        return ContentLoader.Load(root, options.DefaultLanguage);
    }
}
