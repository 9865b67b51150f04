namespace ServicePromise.Web;

/// <summary>Marker for the app's one set of UI strings. Keys are the Spanish text; English lives in Resources/SharedResource.en.resx.</summary>
public sealed class SharedResource;
