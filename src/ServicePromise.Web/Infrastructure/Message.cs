using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// A user-facing message made where no request (and so no UI culture) is at hand — content validation,
/// command-line tools — kept as its SharedResource key (the Spanish text) and arguments, so each reader gets
/// it in their language: pages through <see cref="In"/>, logs and consoles in English through <see cref="ToString"/>.
/// Arguments that are themselves messages are translated too.
/// </summary>
public sealed class Message(string key, params object?[] args)
{
    public string Key { get; } = key;
    public IReadOnlyList<object?> Args { get; } = args;

    public string In(IStringLocalizer localizer) =>
        localizer[Key, Args.Select(a => a is Message m ? m.In(localizer) : a ?? "").ToArray()];

    /// <summary>English, for operators: start-up logs and the command line.</summary>
    public override string ToString()
    {
        var english = CultureInfo.GetCultureInfo("en");
        var format = EnglishText(Key) ?? Key;
        return string.Format(english, format, Args.Select(a => a is Message m ? m.ToString() : a).ToArray());
    }

    static readonly ResourceManager Resources = new(typeof(SharedResource).Namespace + ".Resources." + nameof(SharedResource), typeof(SharedResource).Assembly);

    static string? EnglishText(string key)
    {
        try
        {
            return Resources.GetString(key, CultureInfo.GetCultureInfo("en"));
        }
        catch (MissingManifestResourceException)
        {
            return null;
        }
    }
}

/// <summary>Builds <see cref="Message"/>s with the same <c>L["…", args]</c> shape as a localizer, so the translation checks find their keys.</summary>
public sealed class Messages
{
    public Message this[string key, params object?[] args] => new(key, args);
}
