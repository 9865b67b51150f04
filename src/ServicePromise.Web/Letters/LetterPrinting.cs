using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Letters;

/// <summary>
/// Whose letters to print: one person, or everyone of a site, a department or a manager's team (any that are set must all
/// match). <see cref="EvenWithEmail"/>: people with an email are included too — HR printing for one person who cannot
/// use their mail; a batch is only ever for people without email, who have no other way in. A batch holds only people
/// with no password yet and — unless <see cref="Reprint"/> — no letter that still works (<see cref="LetterQueries.AwaitingFirstLetter"/>).
/// </summary>
public sealed record LetterSelection(int? EmployeeId = null, int? SiteId = null, int? DepartmentId = null, int? ManagerId = null, bool EvenWithEmail = false, bool Reprint = false)
{
    public bool IsEmpty => EmployeeId is null && SiteId is null && DepartmentId is null && ManagerId is null;
}

public sealed record LetterRecipient(int EmployeeId, string EmployeeNumber, string FullName, string JobTitle, string? Site, string Language, string Company);

/// <summary>A letter as it is printed: the code exists only here, in memory, on its way to the PDF.</summary>
public sealed record PrintedLetter(LetterRecipient Person, string Code, DateTime ExpiresAt);

/// <summary>
/// Prints welcome letters for people without email, and finds the letter a typed code belongs to. A letter goes only to
/// an active person with no HR or admin role (those accounts are changed by an admin, and have an address) — in a batch
/// only to those without a sign-in email, and to one with an email when HR prints for that person alone; printing one
/// ends every earlier letter of that person, in the same transaction as the new one is stored.
/// The person chooses their own password with it: nobody who prints a letter ever sees or sets a password.
/// </summary>
public sealed class LetterPrinting(AppDbContext db, OrganisationClock clock, IOptions<LetterOptions> options, Audit.AuditLog audit)
{
    /// <summary>People a letter may be printed for, and whose letter works (<see cref="LetterQueries.LetterEligible"/>).</summary>
    public IQueryable<Employee> Eligible() => db.Employees.AsNoTracking().LetterEligible(db);

    /// <summary>The eligible people without a sign-in email: for them a letter is the only way in.</summary>
    public IQueryable<Employee> WithoutEmail() => Eligible().WithoutSignInEmail(db);

    /// <summary>Who a batch print would hold now (<see cref="LetterQueries.AwaitingFirstLetter"/>).</summary>
    public IQueryable<Employee> BatchEligible(bool reprint = false) => WithoutEmail().AwaitingFirstLetter(db, clock.UtcNow, reprint);

    public async Task<IReadOnlyList<LetterRecipient>> RecipientsAsync(LetterSelection selection, CancellationToken ct)
    {
        if (selection.IsEmpty) return [];
        var people = selection.EvenWithEmail ? Eligible() : WithoutEmail();
        if (selection.EmployeeId is int id) people = people.Where(e => e.Id == id);
        else people = people.AwaitingFirstLetter(db, clock.UtcNow, selection.Reprint);
        if (selection.SiteId is int site) people = people.Where(e => e.SiteId == site);
        if (selection.DepartmentId is int department) people = people.Where(e => e.DepartmentId == department);
        if (selection.ManagerId is int manager) people = people.Where(e => e.ManagerId == manager);
        var found = await people.OrderBy(e => e.SearchName).ThenBy(e => e.EmployeeNumber)
            .Select(e => new { e.Id, e.EmployeeNumber, e.FullName, e.JobTitle, Site = e.Site!.Name, e.Language })
            .ToListAsync(ct);
        if (found.Count == 0) return [];
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.DefaultLanguage, Texts = e.Texts.Select(t => new { t.Language, t.Company }).ToList() })
            .FirstOrDefaultAsync(ct);
        string Company(string language) => edition is null || edition.Texts.Count == 0 ? "" : edition.Texts.InLanguage(t => t.Language, language, edition.DefaultLanguage).Company;
        return found.Select(p => new LetterRecipient(p.Id, p.EmployeeNumber, DisplayText.Clean(p.FullName), DisplayText.Clean(p.JobTitle),
            p.Site is null ? null : DisplayText.Clean(p.Site), p.Language, DisplayText.Clean(Company(p.Language)))).ToList();
    }

    /// <summary>
    /// A new code for each person, stored hashed; each person's earlier letters stop working. Nothing is stored unless
    /// <paramref name="render"/> made the PDF: a failed render leaves every earlier letter working.
    /// </summary>
    public async Task<byte[]> PrintAsync(IReadOnlyList<LetterRecipient> people, int? printedBy, Func<IReadOnlyList<PrintedLetter>, byte[]> render, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(people.Count);
        var now = clock.UtcNow;
        var expires = now.AddDays(options.Value.ExpiryDays);
        var printed = people.Select(p => new PrintedLetter(p, LetterCodes.NewCode(), expires)).ToList();
        var key = options.Value.CodeKeyBytes();
        // A closed tab must not leave some people with their old letter ended and no new one.
        var none = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(none);
        // A no-op update locks the people's rows, in id order (PostgreSQL; SQLite holds its write lock), as Nudger does:
        // a second print of the same person waits here, then sees and ends this one's letter — one letter works, not two.
        foreach (var chunk in people.Select(p => p.EmployeeId).Order().Chunk(500))
            await db.Employees.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, e => e.IsActive), none);
        foreach (var chunk in people.Select(p => p.EmployeeId).Chunk(500))
            await db.Letters.Where(l => chunk.Contains(l.EmployeeId) && l.UsedAt == null && l.ReplacedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReplacedAt, now), none);
        foreach (var letter in printed)
        {
            db.Letters.Add(new Letter
            {
                EmployeeId = letter.Person.EmployeeId, CodeHash = LetterCodes.Hash(letter.Code, key), PrintedAt = now, ExpiresAt = expires, PrintedById = printedBy,
            });
            audit.Add(Audit.AuditActions.LetterPrinted, letter.Person.EmployeeId, Audit.AuditLog.Person(letter.Person.FullName, letter.Person.EmployeeNumber),
                new Dictionary<string, object?> { ["expires"] = clock.LocalDate(expires).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }
        await db.SaveChangesAsync(none);
        // Rendered before the commit: until the PDF exists, nobody's old letter has ended.
        var pdf = render(printed);
        await transaction.CommitAsync(none);
        return pdf;
    }

    public sealed record Usable(int LetterId, int EmployeeId, string UserId, string FullName, string EmployeeNumber, string Language);

    /// <summary>
    /// The letter a typed code opens: the person's newest, unused, not expired, and the person still active and neither
    /// HR nor admin (given either role since, they are an admin's to change). Null otherwise, whatever the reason.
    /// </summary>
    public async Task<Usable?> FindAsync(string? typed, CancellationToken ct)
    {
        if (LetterCodes.Normalize(typed) is not { } code) return null;
        var hash = LetterCodes.Hash(code, options.Value.CodeKeyBytes());
        var now = clock.UtcNow;
        var letter = await db.Letters.AsNoTracking()
            .Where(l => l.CodeHash == hash && l.UsedAt == null && l.ReplacedAt == null && l.ExpiresAt > now)
            .Select(l => new { l.Id, l.EmployeeId })
            .SingleOrDefaultAsync(ct);
        if (letter is null) return null;
        return await Eligible().Where(e => e.Id == letter.EmployeeId)
            .Select(e => new Usable(letter.Id, e.Id, e.UserId, e.FullName, e.EmployeeNumber, e.Language))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Marks the letter used, if nobody used it meanwhile: a code works once, even when sent twice at the same moment.</summary>
    public async Task<bool> ClaimAsync(Usable letter, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var claimed = await db.Letters.Where(l => l.Id == letter.LetterId && l.UsedAt == null && l.ReplacedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.UsedAt, now), ct);
        return claimed == 1;
    }

    /// <summary>How long after a letter is used the same code with the same password still signs its person in.</summary>
    public static readonly TimeSpan ResentWithin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The letter a typed code opened when it was used in the last <see cref="ResentWithin"/> and its person may still use
    /// letters: what a set-password form sent twice (a double tap, a retried request) finds the second time.
    /// </summary>
    public async Task<Usable?> JustUsedAsync(string? typed, CancellationToken ct)
    {
        if (LetterCodes.Normalize(typed) is not { } code) return null;
        var hash = LetterCodes.Hash(code, options.Value.CodeKeyBytes());
        var since = clock.UtcNow - ResentWithin;
        var letter = await db.Letters.AsNoTracking()
            .Where(l => l.CodeHash == hash && l.UsedAt != null && l.UsedAt >= since && l.ReplacedAt == null)
            .Select(l => new { l.Id, l.EmployeeId })
            .FirstOrDefaultAsync(ct);
        if (letter is null) return null;
        return await Eligible().Where(e => e.Id == letter.EmployeeId)
            .Select(e => new Usable(letter.Id, e.Id, e.UserId, e.FullName, e.EmployeeNumber, e.Language))
            .SingleOrDefaultAsync(ct);
    }
}
