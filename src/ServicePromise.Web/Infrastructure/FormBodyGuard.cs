using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// The pages take HTML forms and nothing else. Before antiforgery or model binding touch the body, a request to a
/// page that carries one is checked once: a JSON, text or other non-form body is a 415; a form in a charset other than
/// UTF-8 (utf-7, an unknown name) is a 415; a form that cannot be read (a broken multipart, a value over the limits)
/// is a 400 (413 when it is too large). The form is read here — with the page's own size and form limits, as the
/// staff import sets them — so the framework's later reads use it as parsed and never throw.
/// </summary>
public sealed partial class FormBodyGuard(RequestDelegate next, IOptions<FormOptions> formOptions, ILogger<FormBodyGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        // A status page re-executed for an earlier answer (a 429, a 404) shows that answer; the body is not its business.
        if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is null || !HasBody(request)
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (Problem(request) is int status)
        {
            context.Response.StatusCode = status;
            return;
        }

        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } size && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = size.MaxRequestBodySize;
        if (endpoint.Metadata.GetMetadata<IFormOptionsMetadata>() is { } limits)
            context.Features.Set<IFormFeature>(new FormFeature(request, WithLimits(formOptions.Value, limits)));
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when ((ex is InvalidDataException or IOException or BadHttpRequestException) && !context.RequestAborted.IsCancellationRequested)
        {
            // A client's malformed form, not a fault of the site: a short line, not an error with a stack trace.
            RefusedUnreadableForm(logger, request.Path, ex.Message);
            context.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }

    static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0)
        || (request.ContentType is not null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method));

    /// <summary>415 or 400 for a body the pages cannot take; null for a form they can.</summary>
    static int? Problem(HttpRequest request)
    {
        if (!request.HasFormContentType) return StatusCodes.Status415UnsupportedMediaType;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return StatusCodes.Status415UnsupportedMediaType;
        var charset = type.Charset.Value?.Trim('"');
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            return StatusCodes.Status415UnsupportedMediaType;
        if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(type.Boundary.Value))
            return StatusCodes.Status400BadRequest;
        return null;
    }

    /// <summary>The app's form options with a page's own limits (<c>[RequestFormLimits]</c>) over them.</summary>
    static FormOptions WithLimits(FormOptions defaults, IFormOptionsMetadata page) => new()
    {
        BufferBody = page.BufferBody ?? defaults.BufferBody,
        MemoryBufferThreshold = page.MemoryBufferThreshold ?? defaults.MemoryBufferThreshold,
        BufferBodyLengthLimit = page.BufferBodyLengthLimit ?? defaults.BufferBodyLengthLimit,
        ValueCountLimit = page.ValueCountLimit ?? defaults.ValueCountLimit,
        KeyLengthLimit = page.KeyLengthLimit ?? defaults.KeyLengthLimit,
        ValueLengthLimit = page.ValueLengthLimit ?? defaults.ValueLengthLimit,
        MultipartBoundaryLengthLimit = page.MultipartBoundaryLengthLimit ?? defaults.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = page.MultipartHeadersCountLimit ?? defaults.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = page.MultipartHeadersLengthLimit ?? defaults.MultipartHeadersLengthLimit,
        MultipartBodyLengthLimit = page.MultipartBodyLengthLimit ?? defaults.MultipartBodyLengthLimit,
    };

    // On the path of every request with a bad body: a generated log method (CA1848).
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable form for {Path}: {Reason}")]
    static partial void RefusedUnreadableForm(ILogger logger, PathString path, string reason);
}
