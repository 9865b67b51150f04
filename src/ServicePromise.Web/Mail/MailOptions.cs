using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Mail;

/// <summary>How the SMTP connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte on port 465; elsewhere STARTTLS when the server offers it, plain text when it does not.</summary>
    Auto = 0,
    /// <summary>Plain text, even when the server offers STARTTLS (a relay on the same host or network).</summary>
    None = 1,
    /// <summary>STARTTLS, required: a server that does not offer it is a failed send, never a plain-text one.</summary>
    StartTls = 2,
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect = 3,
}

public class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    [Range(1, 65535, ErrorMessage = "Mail:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 25;
    public MailSecurity Security { get; set; } = MailSecurity.Auto;
    /// <summary>The old System.Net.Mail switch (STARTTLS, required): true still means <see cref="MailSecurity.StartTls"/>.</summary>
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>How long one SMTP command may wait for the server before the send counts as a temporary failure.</summary>
    [Range(1, 600, ErrorMessage = "Mail:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 60;
    [Required(ErrorMessage = "Mail:From is required."), EmailAddress(ErrorMessage = "Mail:From must be an email address.")]
    public string From { get; set; } = "promesa@demo.mercadosolivo.es";
    public string FromName { get; set; } = "ServicePromise";
    /// <summary>Folder for .eml files when no SMTP host is set; relative paths resolve against the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The security actually used: <see cref="Security"/>, or STARTTLS when only the old <see cref="EnableSsl"/> is set.</summary>
    public MailSecurity EffectiveSecurity => Security == MailSecurity.Auto && EnableSsl ? MailSecurity.StartTls : Security;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new ValidationResult("Set Mail:Host (SMTP) or Mail:PickupDirectory (.eml files).", [nameof(Host), nameof(PickupDirectory)]);
        if (!Enum.IsDefined(Security))
            yield return new ValidationResult("Mail:Security must be Auto, None, StartTls or SslOnConnect.", [nameof(Security)]);
        if (EnableSsl && Security is MailSecurity.None)
            yield return new ValidationResult("Mail:EnableSsl asks for TLS but Mail:Security is None: remove Mail:EnableSsl, or set Mail:Security to StartTls or SslOnConnect.", [nameof(EnableSsl), nameof(Security)]);
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            yield return new ValidationResult(string.IsNullOrEmpty(UserName)
                ? "Mail:Password is set but Mail:UserName is empty: set both to sign in to the SMTP server, or neither."
                : "Mail:UserName is set but Mail:Password is empty: set both to sign in to the SMTP server, or neither.", [nameof(UserName), nameof(Password)]);
        if (!string.IsNullOrEmpty(UserName) && Security is MailSecurity.None)
            yield return new ValidationResult("Mail:UserName is set with Mail:Security None: the password would cross the network in plain text. Use Auto, StartTls or SslOnConnect.", [nameof(UserName), nameof(Security)]);
    }
}
