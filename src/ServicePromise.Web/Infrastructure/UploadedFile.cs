using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Infrastructure;

/// <summary>A file posted to an import page: checked for presence and size, then read whole (imports keep the bytes for the dry run and the apply).</summary>
public static class UploadedFile
{
    /// <summary>Why the file cannot be taken, in the reader's language: none chosen (<paramref name="whenMissing"/>) or larger than <paramref name="maxBytes"/>; null when it can.</summary>
    public static string? Problem(IFormFile? file, long maxBytes, string whenMissing, IStringLocalizer L) =>
        file is null || file.Length == 0 ? whenMissing
        : file.Length > maxBytes ? L["El archivo ocupa {0} MB; el máximo es {1} MB.", file.Length / 1024 / 1024, maxBytes / 1024 / 1024].Value
        : null;

    /// <summary>The file's bytes and its name without any folder (<paramref name="fallbackName"/> when it has none or an absurdly long one).</summary>
    public static async Task<(string Name, byte[] Content)> ReadAsync(IFormFile file, string fallbackName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (Path.GetFileName(file.FileName) is { Length: > 0 and <= 260 } name ? name : fallbackName, buffer.ToArray());
    }
}
