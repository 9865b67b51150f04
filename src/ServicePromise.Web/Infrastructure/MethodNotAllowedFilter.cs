using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// A request whose method (and handler name) matches no handler of the page would otherwise render the page with
/// none of the data its GET handler loads, and crash on the first null. One rule for every page: such a request is
/// answered 405 with an <c>Allow</c> header naming what the page does accept (a GET with an unknown handler name,
/// on a page that has GET handlers, is a 404). It runs after authorization and antiforgery, so a visitor who is not
/// signed in is still sent to sign in and a post without a valid token is still a 400.
/// </summary>
public sealed class MethodNotAllowedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The status and error pages are re-executed with whatever method failed; they must still render.
        if (context.HandlerMethod is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next();
            return;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = http.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (isRead && !handlers.Any(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase)))
        {
            await next(); // a page without GET handlers (access denied, status) renders from its markup alone
            return;
        }
        if (isRead)
        {
            context.Result = new NotFoundResult();
            return;
        }
        http.Response.Headers.Allow = string.Join(", ", Allowed(handlers, HandlerName(context)));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>The methods that would reach a handler with this handler name (GET and HEAD always: the page itself).</summary>
    static IEnumerable<string> Allowed(IEnumerable<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor> handlers, string? name)
    {
        var methods = handlers.Where(h => h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        methods.Add("GET");
        methods.Add("HEAD");
        return methods.Order(StringComparer.Ordinal);
    }

    static string? HandlerName(FilterContext context) =>
        context.RouteData.Values.TryGetValue("handler", out var routed) && routed is string r && r.Length > 0 ? r
        : context.HttpContext.Request.Query["handler"].FirstOrDefault();
}
