using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Data;

/// <summary>The data-protection key ring in the database: what earlier versions wrote still opens, and a certificate encrypts it at rest.</summary>
public sealed class KeyRingTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("sp-keyring-").FullName;
    string DatabaseFile => Path.Combine(_folder, "shared.db");

    [Fact]
    public async Task A_sign_in_cookie_issued_with_the_keys_the_old_repository_wrote_still_signs_in()
    {
        string cookie;
        using (var before = new LegacyKeyRingFactory { DatabaseFile = DatabaseFile })
        {
            cookie = await before.Browser().SignedInCookieAsync(Pages.Employee);
            Assert.Equal(HttpStatusCode.OK, await before.StatusWithCookieAsync(cookie));
        }
        var written = Assert.Single(KeyRows());
        Assert.StartsWith("<key id=", written.Xml);

        using var after = new AppFactory { DatabaseFile = DatabaseFile };
        Assert.Equal(HttpStatusCode.OK, await after.StatusWithCookieAsync(cookie));
        // It read the old key rather than making a new one.
        Assert.Equal([written], KeyRows());
    }

    [Fact]
    public async Task With_a_certificate_keys_are_encrypted_at_rest_and_cookies_work_on_every_instance()
    {
        var (path, password) = CreateCertificate();
        using var first = CertificateApp(path, password);
        var cookie = await first.Browser().SignedInCookieAsync(Pages.Employee);

        var key = XElement.Parse(Assert.Single(KeyRows()).Xml);
        var descriptor = key.Element("descriptor")!;
        Assert.NotNull(descriptor.Descendants().SingleOrDefault(e => e.Name.LocalName == "encryptedSecret"));
        Assert.Empty(descriptor.Descendants("masterKey"));

        using var second = CertificateApp(path, password);
        Assert.Equal(HttpStatusCode.OK, await second.StatusWithCookieAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, await first.StatusWithCookieAsync(await second.Browser().SignedInCookieAsync(Pages.OtherEmployee)));
        Assert.Single(KeyRows());
    }

    [Fact]
    public void A_missing_or_unreadable_certificate_stops_the_app_naming_the_setting()
    {
        var missing = Path.Combine(_folder, "missing.pfx");
        using (var app = CertificateApp(missing, null))
            Assert.Contains($"DataProtection:CertificatePath '{missing}' does not exist", StartupError(app));

        var (path, _) = CreateCertificate();
        using (var app = CertificateApp(path, "not-the-password"))
            Assert.Contains($"DataProtection:CertificatePath '{path}' could not be read as a PKCS#12 (.pfx) certificate with DataProtection:CertificatePassword", StartupError(app));

        var publicOnly = Path.Combine(_folder, "public.pfx");
        using (var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, "keyring-test"))
            File.WriteAllBytes(publicOnly, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12));
        using (var app = CertificateApp(publicOnly, null))
            Assert.Contains($"DataProtection:CertificatePath '{publicOnly}' holds no private key", StartupError(app));
    }

    AppFactory CertificateApp(string path, string? password)
    {
        var app = new AppFactory { DatabaseFile = DatabaseFile };
        app.Settings["DataProtection:CertificatePath"] = path;
        if (password is not null) app.Settings["DataProtection:CertificatePassword"] = password;
        return app;
    }

    static string StartupError(AppFactory app)
    {
        var ex = Assert.ThrowsAny<Exception>(() => app.Browser());
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    /// <summary>A self-signed RSA certificate with its private key, saved as a password-protected .pfx.</summary>
    (string Path, string Password) CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ServicePromise key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, $"keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "keyring-test"));
        return (path, "keyring-test");
    }

    sealed record KeyRow(int Id, string? FriendlyName, string Xml);

    List<KeyRow> KeyRows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var rows = new List<KeyRow>();
        while (reader.Read()) rows.Add(new KeyRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    /// <summary>The site as it was before the data-protection package: the key ring read and written by our own repository.</summary>
    sealed class LegacyKeyRingFactory : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<KeyManagementOptions>(o => o.XmlRepository = new LegacyDatabaseXmlRepository(ConnectionString)));
        }
    }

    /// <summary>
    /// What src/ServicePromise.Web/Data/DatabaseXmlRepository.cs did until the package replaced it: every row's Xml
    /// parsed back; a new key added as one row of its friendly name and its XML without formatting.
    /// </summary>
    sealed class LegacyDatabaseXmlRepository(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ($name, $xml)";
            command.Parameters.AddWithValue("$name", friendlyName);
            command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
