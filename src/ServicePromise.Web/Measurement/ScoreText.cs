using System.Globalization;

namespace ServicePromise.Web.Measurement;

/// <summary>A score or threshold as people read it, in every page and mail that shows one: 62,5 in Spanish, 62.5 in English, no trailing zeros.</summary>
public static class ScoreText
{
    /// <summary>From the stored hundredths: 6250 → "62,5".</summary>
    public static string Of(int hundredths) => Of(hundredths / 100m);

    /// <summary>From points: 62.5m → "62,5".</summary>
    public static string Of(decimal points) => points.ToString("0.##", CultureInfo.CurrentCulture);
}
