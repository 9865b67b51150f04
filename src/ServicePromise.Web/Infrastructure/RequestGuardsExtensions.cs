using Microsoft.AspNetCore.Mvc;

namespace ServicePromise.Web.Infrastructure;

/// <summary>Odd requests get a clear 4xx before they reach a page that was not written for them.</summary>
public static class RequestGuardsExtensions
{
    public static IServiceCollection AddRequestGuards(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add<MethodNotAllowedFilter>();
            o.ModelBinderProviders.Insert(0, new StrictBooleanBinderProvider());
        });
        return services;
    }

    /// <summary>After authorization (so visitors who are not signed in are still sent to sign in), before the page.</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.UseMiddleware<FormBodyGuard>();
}
