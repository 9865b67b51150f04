using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Content;

public static class ContentExtensions
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<PublishedEditions>();
        builder.Services.AddScoped<EditionPublisher>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new ContentFolder(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path)), options.DefaultLanguage);
        });
        return builder;
    }

    /// <summary>Reads and validates the content folder; throws <see cref="ContentInvalidException"/> naming every broken file and line.</summary>
    public static ContentSet LoadContent(this IServiceProvider services) => services.GetRequiredService<ContentFolder>().Load();
}

/// <summary>Where the content owners' Markdown lives; read afresh on each use so an admin previews what is there now.</summary>
public sealed record ContentFolder(string Root, string DefaultLanguage)
{
    public ContentSet Load() => ContentLoader.Load(Root, DefaultLanguage);
}
