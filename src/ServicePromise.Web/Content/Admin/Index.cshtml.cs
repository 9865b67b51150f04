using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Content.Admin;

/// <summary>The editions published so far, and what the content folder would publish next — with who it would send back to learning.</summary>
[Authorize(Roles = Roles.Admin)]
public class IndexModel(AppDbContext db, ContentFolder folder, EditionPublisher publisher, NewEditionAssigner assigner, EditionRollout rollout, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record EditionRow(int Number, DateTime PublishedAt, string? ChangeNote, IReadOnlyList<(string Key, string Title, ChangeKind Change)> Pillars);

    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];
    public IReadOnlyList<ContentError> Errors { get; private set; } = [];
    public PendingEdition? Pending { get; private set; }
    public RefresherPreview? Preview { get; private set; }
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();
    /// <summary>Per pillar key, its standards that publishing would add, remove, reword or give another threshold, in the reader's language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StandardChange>> StandardChangesOf { get; private set; } = new Dictionary<string, IReadOnlyList<StandardChange>>();
    /// <summary>Per pillar key, how publishing would change its practice questions in the reader's language (a pillar "Sin cambios" may still have some).</summary>
    public IReadOnlyDictionary<string, PracticeChange> PracticeChangesOf { get; private set; } = new Dictionary<string, PracticeChange>();
    ContentSet? _content;

    [BindProperty] public PublishInput Input { get; set; } = new();

    public class PublishInput
    {
        [Required(ErrorMessage = "Escribe una nota breve sobre qué cambia.")]
        [StringLength(500, ErrorMessage = "La nota puede tener como mucho {1} caracteres.")]
        [Display(Name = "Nota de cambios")]
        [ServicePromise.Web.Infrastructure.SingleLine]
        public string Note { get; set; } = "";

        [Display(Name = "He revisado la vista previa y quiero publicar")]
        public bool Confirm { get; set; }

        /// <summary>The content the admin reviewed; publishing refuses if the folder changed since.</summary>
        public string Hash { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Pending is null) return Page();
        if (!Input.Confirm)
            ModelState.AddModelError("Input.Confirm", L["Marca la casilla para confirmar que has revisado la vista previa."]);
        if (Input.Hash != Pending.Hash)
            ModelState.AddModelError(string.Empty, L["El contenido ha cambiado desde que lo revisaste. Revisa otra vez los cambios antes de publicar."]);
        if (!Pending.HasChanges)
            ModelState.AddModelError(string.Empty, L["No hay nada nuevo que publicar."]);
        if (!ModelState.IsValid)
        {
            Input.Hash = Pending.Hash;
            return Page();
        }

        // Publish exactly the content whose hash the admin reviewed (checked above), not a fresh read of the folder.
        var (edition, _, assigned) = await rollout.PublishAsync(_content!, Input.Note);
        TempData["StatusMessage"] = (assigned == 1
            ? L["Edición {0} publicada. 1 persona tiene algo que hacer.", edition.Number]
            : L["Edición {0} publicada. {1} personas tienen algo que hacer.", edition.Number, assigned]).Value;
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new
            {
                e.Number, e.PublishedAt, e.ChangeNote, e.DefaultLanguage,
                Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => new { p.Key, p.ChangeKind, Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList() }).ToList(),
            })
            .ToListAsync(ct);
        Editions = editions.Select(e => new EditionRow(e.Number, e.PublishedAt, e.ChangeNote,
            e.Pillars.Select(p => (p.Key, p.Texts.InLanguage(t => t.Language, language, e.DefaultLanguage).Title, p.ChangeKind)).ToList())).ToList();

        try
        {
            var content = _content = folder.Load();
            Pending = await publisher.CompareAsync(content, ct);
            var texts = content.Languages.FirstOrDefault(l => l.Language == language) ?? content.Default;
            Titles = content.Default.Pillars.ToDictionary(p => p.Key, p => texts.Pillars.FirstOrDefault(x => x.Key == p.Key)?.Title ?? p.Title);
            if (Pending.HasChanges)
            {
                Preview = await assigner.PreviewAsync(Pending, ct);
                var before = Pending.Current is { } current ? await StandardsByLanguage.OfEditionAsync(db, current.Number, ct) : new StandardsByLanguage();
                var after = StandardsByLanguage.Of(content);
                StandardChangesOf = Pending.Pillars.ToDictionary(p => p.Key, p => StandardChanges.Between(before.Of(texts.Language, p.Key), after.Of(texts.Language, p.Key)));
                PracticeChangesOf = await PracticeChangesAsync(Pending.Current, texts, ct);
            }
            if (string.IsNullOrEmpty(Input.Hash)) Input.Hash = Pending.Hash;
        }
        catch (ContentInvalidException ex)
        {
            Errors = ex.Errors;
        }
    }

    /// <summary>The practice questions of the shown language against the current edition's in the same language.</summary>
    async Task<IReadOnlyDictionary<string, PracticeChange>> PracticeChangesAsync(Edition? current, LanguageContent texts, CancellationToken ct)
    {
        var before = current is null ? new Dictionary<string, string?>() : await db.Pillars.AsNoTracking().Where(p => p.EditionId == current.Id)
            .Select(p => new { p.Key, Practice = p.Texts.Where(t => t.Language == texts.Language).Select(t => t.PracticeJson).FirstOrDefault() })
            .ToDictionaryAsync(t => t.Key, t => t.Practice, ct);
        return texts.Pillars.ToDictionary(p => p.Key, p => PracticeChanges.Between(KnowledgeCheck.FromJson(before.GetValueOrDefault(p.Key)), p.Practice));
    }

    /// <summary>What publishing would ask of whom, one clause per group that has anyone in it, each counted in the right number.</summary>
    public string PreviewSummary(RefresherPreview preview)
    {
        var pillars = preview.PillarsToRedo.Count == 1 ? L["1 pilar"].Value : L["{0} pilares", preview.PillarsToRedo.Count].Value;
        var clauses = new List<string>();
        if (preview.Refreshers > 0)
            clauses.Add(preview.Refreshers == 1
                ? L["1 persona que ya había completado la promesa tendrá que repasar {0}", pillars]
                : L["{0} personas que ya habían completado la promesa tendrán que repasar {1}", preview.Refreshers, pillars]);
        if (preview.InProgress > 0)
            clauses.Add(preview.InProgress == 1
                ? L["1 persona que estaba a medias pasará a la nueva edición sin perder lo que no ha cambiado"]
                : L["{0} personas que estaban a medias pasarán a la nueva edición sin perder lo que no ha cambiado", preview.InProgress]);
        if (preview.NotStarted > 0)
            clauses.Add(preview.NotStarted == 1
                ? L["1 persona que aún no había empezado empezará con la nueva edición"]
                : L["{0} personas que aún no habían empezado empezarán con la nueva edición", preview.NotStarted]);
        return clauses.Count == 0 ? L["Al publicar, nadie tendrá nada nuevo que hacer."] : L["Al publicar: {0}.", string.Join("; ", clauses)];
    }

    /// <summary>The note after a person's pillars in the list: where they stood (nothing for those who had completed).</summary>
    public string StageNote(PlannedStage stage) => stage switch
    {
        PlannedStage.InProgress => " " + L["(estaba a medias)"],
        PlannedStage.NotStarted => " " + L["(no había empezado)"],
        _ => "",
    };

    public string ChangeLabel(ChangeKind change) => change switch
    {
        ChangeKind.New => L["Nuevo"],
        ChangeKind.Substantive => L["Cambio de fondo"],
        ChangeKind.Editorial => L["Cambio de redacción"],
        _ => L["Sin cambios"],
    };
}
