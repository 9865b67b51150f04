using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Data;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery, emailed links) lives in the database so every
/// instance reads the same keys and they survive restarts; with a certificate its keys are encrypted at rest.
/// </summary>
public class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key; keys written from now on are encrypted with it. Relative paths are under the app's folder.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The configured certificate, or null when none is; a file that is missing, unreadable or without a private key stops the app with a message naming the setting.</summary>
    public X509Certificate2? LoadCertificate(string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            if (!string.IsNullOrEmpty(CertificatePassword))
                throw Invalid("DataProtection:CertificatePassword is set but DataProtection:CertificatePath is not: name the .pfx file the password opens.");
            return null;
        }
        var path = Path.GetFullPath(CertificatePath, contentRoot);
        if (!File.Exists(path))
            throw Invalid($"DataProtection:CertificatePath '{path}' does not exist: give the path of a PKCS#12 (.pfx) certificate with its private key, or leave the setting empty.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"DataProtection:CertificatePath '{path}' could not be read as a PKCS#12 (.pfx) certificate with DataProtection:CertificatePassword: {ex.Message}");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Invalid($"DataProtection:CertificatePath '{path}' holds no private key: keys encrypted with it could not be read back.");
        }
        return certificate;
    }

    static OptionsValidationException Invalid(string message) =>
        new(Section, typeof(KeyRingOptions), [message]);
}

public static class KeyRingExtensions
{
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        // Bound for the settings audit; the certificate itself is needed while the services are put together.
        builder.Services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section);
        var settings = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ServicePromise").PersistKeysToDbContext<AppDbContext>();
        // Keys written before a certificate was configured stay readable; new ones are encrypted with it.
        if (settings.LoadCertificate(builder.Environment.ContentRootPath) is { } certificate)
            dataProtection.ProtectKeysWithCertificate(certificate);
        return builder;
    }
}
