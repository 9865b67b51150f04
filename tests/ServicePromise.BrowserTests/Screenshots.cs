using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Full-page screenshots for a person to look at, taken only when SP_SCREENSHOTS names a folder (nothing is asserted on
/// them): run a test with it set, then open the PNGs.
/// </summary>
public static class Screenshots
{
    static int _count;

    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SP_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        var file = $"{Interlocked.Increment(ref _count):000}-{string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}";
        // One picture a screenful, top to bottom, so each can be looked at in full size.
        var size = page.ViewportSize ?? new() { Width = 1280, Height = 900 };
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (var (top, part) = (0, 1); top < height; top += size.Height, part++)
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(folder, $"{file}-{part}.png"), FullPage = true,
                Clip = new() { X = 0, Y = top, Width = size.Width, Height = Math.Min(size.Height, height - top) },
            });
    }
}
