using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Infrastructure;

public class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>Address people use to reach the site; printed on certificates and used in emailed links.</summary>
    [Required(ErrorMessage = "App:PublicBaseUrl is required (e.g. https://promesa.example.com).")]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>A PDFsharp commercial license key; when empty the app runs under the AGPL.</summary>
    public string? PdfSharpLicenseKey { get; set; }

    /// <summary>Create the demo organisation when the database is empty. Only honoured in Development.</summary>
    public bool SeedDemoData { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"App:PublicBaseUrl '{PublicBaseUrl}' must be an absolute http or https address.", [nameof(PublicBaseUrl)]);
    }

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
