namespace ServicePromise.Web.Certificates;

public static class CertificatesExtensions
{
    public static IHostApplicationBuilder AddCertificates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CertificateIssuer>();
        builder.Services.AddScoped<CertificateRenderer>();
        builder.Services.AddSingleton<CertificatePdfs>();
        builder.Services.AddScoped<CertificateArchive>();
        builder.Services.AddScoped<CertificateZip>();
        return builder;
    }
}
