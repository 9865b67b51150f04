using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Provisioning;

/// <summary>
/// "Tokens SCIM": the bearer tokens identity providers use on <c>/scim/v2</c> — create one (named; its text is shown
/// this once and only its hash is kept), see when each was created and last used, revoke one. Admins only.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class TokensModel(AppDbContext db, ScimTokens tokens, Audit.AuditLog audit, IStringLocalizer<SharedResource> L,
    Microsoft.Extensions.Options.IOptions<AppOptions> app) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Escribe un nombre para el token.")]
        [StringLength(100, ErrorMessage = "El nombre tiene como mucho {1} caracteres.")]
        [Display(Name = "Nombre")]
        public string Name { get; set; } = "";
    }

    public sealed record Row(int Id, string Name, DateTime CreatedAt, string CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The token just created, shown once.</summary>
    public string? NewToken { get; private set; }
    /// <summary>The address to give the provider: the site's public one (behind a TLS proxy the request itself is http).</summary>
    public string ScimUrl => app.Value.Link(ScimEndpoints.Root);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!SingleLineText.IsSafe(Input.Name))
            ModelState.AddModelError("Input.Name", L["El nombre tiene un salto de línea o un carácter de control invisible; quítalo."]);
        if (string.IsNullOrWhiteSpace(Input.Name) && ModelState.IsValid)
            ModelState.AddModelError("Input.Name", L["Escribe un nombre para el token."]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        var made = await tokens.CreateAsync(Input.Name, User.DisplayName(), ct);
        await audit.RecordAsync(Audit.AuditActions.ScimTokenCreated, subject: made.Token.Name, ct: ct);
        // Shown on this answer only: never stored, never put in a cookie or a redirect.
        NewToken = made.Text;
        Input = new();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var name = await db.ScimTokens.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (name is null || !await tokens.RevokeAsync(id, ct))
        {
            StatusMessage = L["Ese token no existe o ya estaba revocado."];
            return RedirectToPage();
        }
        await audit.RecordAsync(Audit.AuditActions.ScimTokenRevoked, subject: name, ct: ct);
        StatusMessage = L["Token «{0}» revocado: ya no da acceso.", name];
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.ScimTokens.AsNoTracking().OrderByDescending(t => t.RevokedAt == null).ThenByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.CreatedAt, t.CreatedBy, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
}
