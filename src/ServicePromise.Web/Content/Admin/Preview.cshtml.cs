using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Content.Admin;

/// <summary>The unpublished content rendered exactly as employees will read it, with its validation messages.</summary>
[Authorize(Roles = Roles.Admin)]
public class PreviewModel(ContentFolder folder) : PageModel
{
    public IReadOnlyList<ContentError> Errors { get; private set; } = [];
    public EditionView? Shown { get; private set; }
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string Language { get; private set; } = "";

    public void OnGet(string? lang)
    {
        try
        {
            var content = folder.Load();
            Languages = content.Languages.Select(l => l.Language).ToList();
            Shown = new EditionView(content.Languages.FirstOrDefault(l => l.Language == lang) ?? content.Default, content.Languages);
            Language = Shown.Shown.Language;
        }
        catch (ContentInvalidException ex)
        {
            Errors = ex.Errors;
        }
    }
}
