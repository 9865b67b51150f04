using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Mail;

public class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    [Range(1, 65535, ErrorMessage = "Mail:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required(ErrorMessage = "Mail:From is required."), EmailAddress(ErrorMessage = "Mail:From must be an email address.")]
    public string From { get; set; } = "promesa@demo.mercadosolivo.es";
    public string FromName { get; set; } = "ServicePromise";
    /// <summary>Folder for .eml files when no SMTP host is set; relative paths resolve against the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new ValidationResult("Set Mail:Host (SMTP) or Mail:PickupDirectory (.eml files).", [nameof(Host), nameof(PickupDirectory)]);
    }
}
