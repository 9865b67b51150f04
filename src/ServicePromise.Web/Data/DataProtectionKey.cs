namespace ServicePromise.Web.Data;

/// <summary>One key of the shared data-protection key ring (cookies, tokens), so every app instance reads the same keys.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
