using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// Serves the Segoe WP faces that ship inside the PDFsharp package, so certificates render the same on
/// every machine and in the container without installing or downloading fonts.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "Segoe WP";
    const string Regular = "SegoeWP";
    const string Bold = "SegoeWP-Bold";

    static readonly Lock Gate = new();
    static bool _installed;

    /// <summary>Registers this resolver once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new CertificateFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
