using PdfSharp.Drawing;
using QRCoder;

namespace ServicePromise.Web.Infrastructure;

/// <summary>A QR code drawn into a PDF page (certificates, welcome letters).</summary>
public static class PdfQr
{
    /// <summary>
    /// Draws the QR modules of <paramref name="url"/> as vector squares in a <paramref name="size"/> square at
    /// (<paramref name="x"/>, <paramref name="y"/>): sharp at any zoom, and no image decoding needed. The caller leaves
    /// the quiet zone a phone camera needs around it.
    /// </summary>
    public static void Draw(XGraphics g, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var cell = size / modules;
        var brush = new XSolidBrush(XColors.Black);
        for (var row = 0; row < modules; row++)
            for (var col = 0; col < modules; col++)
                if (matrix[row][col])
                    g.DrawRectangle(brush, x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
}
