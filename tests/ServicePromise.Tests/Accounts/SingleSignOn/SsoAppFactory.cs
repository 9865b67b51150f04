using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// The site with the test provider (<see cref="TestOidc"/>) configured several ways, one button each: matched by
/// email, matched by employee number, with just-in-time creation, trusting addresses it does not say are verified
/// (as Entra ID needs), and as the two clients whose tokens say the wrong
/// thing (another audience, another issuer).
/// </summary>
public class SsoAppFactory : AppFactory
{
    public SsoAppFactory()
    {
        TestOidc.Use(Settings, "empresa");
        TestOidc.Use(Settings, "numero", displayName: "Empresa (número)");
        Settings["Oidc:Providers:numero:MatchBy"] = "EmployeeNumber";
        TestOidc.Use(Settings, "nuevos", displayName: "Empresa (altas)");
        Settings["Oidc:Providers:nuevos:JustInTime"] = "true";
        TestOidc.Use(Settings, "confiado", displayName: "Empresa (Entra)");
        Settings["Oidc:Providers:confiado:TrustUnverifiedEmail"] = "true";
        TestOidc.Use(Settings, "audiencia", client: "sp-wrong-audience", displayName: "Otra aplicación");
        TestOidc.Use(Settings, "emisor", client: "sp-wrong-issuer", displayName: "Otro emisor");
    }

    /// <summary>Only settings differ from the plain site, so a second start copies the first one's database.</summary>
    protected override bool StartsLikeItsSettings => true;
}

/// <summary>The same, with passwords refused for people who sign in through the provider.</summary>
public sealed class SsoOnlyAppFactory : SsoAppFactory
{
    public SsoOnlyAppFactory() => Settings["Oidc:SsoOnly"] = "true";
}
