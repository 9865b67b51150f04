using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// The pages take HTML forms and nothing else. Before antiforgery or model binding touch the body, a request to a
/// page that carries a body is checked once: a JSON, text or other non-form body is a 415; a form in a charset other
/// than UTF-8 (utf-7, an unknown name) is a 415; a form that cannot be read (a broken multipart, a value over the
/// limits) is a 400. The form is read here, so the framework's later reads use it as parsed and never throw.
/// </summary>
public sealed class FormBodyGuard(RequestDelegate next, ILogger<FormBodyGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null || !HasBody(request))
        {
            await next(context);
            return;
        }
        if (Problem(request) is int status)
        {
            context.Response.StatusCode = status;
            return;
        }
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when ((ex is InvalidDataException or IOException or BadHttpRequestException or NotSupportedException or ArgumentException or InvalidOperationException)
                                   && !context.RequestAborted.IsCancellationRequested)
        {
            // A client's malformed form, not a fault of the site: a short line, not an error with a stack trace.
            logger.LogInformation("Refused an unreadable form for {Path}: {Reason}", request.Path, ex.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }

    static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0)
        || request.ContentType is not null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    /// <summary>415 for a body the pages cannot take; null for a form they can.</summary>
    static int? Problem(HttpRequest request)
    {
        if (!request.HasFormContentType) return request.ContentLength == 0 && request.ContentType is null ? null : StatusCodes.Status415UnsupportedMediaType;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return StatusCodes.Status415UnsupportedMediaType;
        var charset = type.Charset.Value?.Trim('"');
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            return StatusCodes.Status415UnsupportedMediaType;
        if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(type.Boundary.Value))
            return StatusCodes.Status400BadRequest;
        return null;
    }
}
