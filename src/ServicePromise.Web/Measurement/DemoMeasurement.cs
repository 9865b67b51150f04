using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Measurement;

/// <summary>A standard an audit measures, as the current edition declares it.</summary>
public sealed record MeasuredStandard(int PillarId, string PillarKey, string Key, int ThresholdHundredths);

/// <summary>
/// Mercados Olivo's last three months of service audits (written with the demo organisation, Development only):
/// every demo site scored on every standard of the current edition each month, mostly above the threshold — except
/// Sevilla Centro, Carmen's store, which fell below on one standard of the listening pillar in the latest month. HR
/// confirmed that finding: its targeted refresher of that one pillar went to the store's people, Carmen's action
/// plan waits for approval, and a customer's comment is shared with the store. Written directly, not through the
/// import or the finding pages, so the demo does not depend on them.
/// </summary>
public static class DemoMeasurement
{
    public const string SiteBelowStandard = "Sevilla Centro";
    public const string PillarBelowStandard = "listen";
    public const string MysteryShopper = "Cliente misterioso";
    public const string CustomerSurvey = "Encuesta a clientes";
    public const int Periods = 3;

    /// <summary>
    /// Used only when the edition declares no standards (content written before standards existed): each pillar's first
    /// standard as the demo content declares it, so the demo still has something to measure.
    /// </summary>
    static readonly Dictionary<string, (string Key, int ThresholdHundredths)> PlaceholderStandards = new()
    {
        ["listen"] = ("escucha-sin-interrumpir", 8000),
        ["tell-the-truth"] = ("informacion-clara", 8000),
        ["own-it"] = ("un-solo-interlocutor", 8500),
        ["keep-our-word"] = ("plazos-cumplidos", 9000),
        ["internal-customer"] = ("reposicion-a-tiempo", 8500),
    };

    /// <summary>Who measures each demo site: the stores by mystery shoppers and surveys, the office and the warehouse otherwise.</summary>
    static readonly Dictionary<string, string[]> Sources = new()
    {
        ["Oficina central"] = ["Encuesta a clientes (teléfono)"],
        ["Centro logístico Dos Hermanas"] = ["Auditoría interna (tiendas)"],
    };

    /// <summary>The standards of the current edition in content order; a placeholder per pillar where it declares none.</summary>
    public static async Task<List<MeasuredStandard>> CurrentStandardsAsync(AppDbContext db, CancellationToken ct)
    {
        var pillars = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Take(1)
            .SelectMany(e => e.Pillars).OrderBy(p => p.Order)
            .Select(p => new { p.Id, p.Key, Standards = p.Standards.OrderBy(s => s.Order).Select(s => new { s.Key, s.ThresholdHundredths }).ToList() })
            .ToListAsync(ct);
        if (pillars.Any(p => p.Standards.Count > 0))
            return pillars.SelectMany(p => p.Standards.Select(s => new MeasuredStandard(p.Id, p.Key, s.Key, s.ThresholdHundredths))).ToList();
        return pillars.Select(p => PlaceholderStandards.TryGetValue(p.Key, out var s)
            ? new MeasuredStandard(p.Id, p.Key, s.Key, s.ThresholdHundredths)
            : new MeasuredStandard(p.Id, p.Key, p.Key + "-estandar", 8000)).ToList();
    }

    /// <summary>The first day of each of the last <paramref name="count"/> whole months before <paramref name="today"/>, oldest first.</summary>
    public static List<DateOnly> LastMonths(DateOnly today, int count)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(1, count).Select(i => thisMonth.AddMonths(-i)).Reverse().ToList();
    }

    /// <param name="hrNumber">The HR person who imported the results and decided the finding.</param>
    /// <param name="managerNumber">The manager of <see cref="SiteBelowStandard"/>, who writes the plan.</param>
    public static async Task SeedAsync(AppDbContext db, Infrastructure.OrganisationClock clock, MeasurementOptions options, string hrNumber, string managerNumber, CancellationToken ct)
    {
        // Progress was written set-based: what the context still tracks of the people is older than the database.
        db.ChangeTracker.Clear();
        var standards = await CurrentStandardsAsync(db, ct);
        if (standards.Count == 0) return;
        var now = clock.UtcNow;
        var today = clock.Today;
        var hr = await db.Employees.Where(e => e.EmployeeNumber == hrNumber).Select(e => e.UserId).SingleAsync(ct);
        var manager = await db.Employees.Where(e => e.EmployeeNumber == managerNumber).Select(e => e.Id).SingleAsync(ct);
        var sites = await db.Sites.OrderBy(s => s.Id).ToListAsync(ct);
        var below = standards.FirstOrDefault(s => s.PillarKey == PillarBelowStandard) ?? standards[0];
        var months = LastMonths(today, Periods);
        var random = new Random(2026);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        AuditResult? finding = null;
        foreach (var month in months)
        {
            var latest = month == months[^1];
            var batch = MonthlyFile(month, now, sites.Count * standards.Count);
            batch.RecordedById = hr;
            var recordedAt = batch.RecordedAt;
            foreach (var site in sites)
                foreach (var (standard, index) in standards.Select((s, i) => (s, i)))
                {
                    var isBelow = latest && site.Name == SiteBelowStandard && standard == below;
                    var source = Sources.TryGetValue(site.Name, out var own) ? own[index % own.Length] : index % 2 == 0 ? MysteryShopper : CustomerSurvey;
                    // Between 3 and 12 points above the threshold, in halves: month to month never a fall of more than the
                    // drop setting, so the one below-standard result is the demo's only finding.
                    var score = isBelow ? standard.ThresholdHundredths - 1750 : Math.Min(10000, standard.ThresholdHundredths + 300 + 50 * random.Next(0, 19));
                    var result = new AuditResult
                    {
                        Site = site, PeriodStart = month, PeriodKind = PeriodKind.Month, Source = source, StandardKey = standard.Key,
                        PillarKey = standard.PillarKey, ScoreHundredths = score,
                        Sample = source == MysteryShopper ? random.Next(6, 11) : random.Next(40, 151),
                        Batch = batch, RecordedAt = recordedAt, RecordedById = hr,
                    };
                    if (isBelow)
                    {
                        result.Comment = "Pregunté por pan sin gluten y la chica de caja, Lucía creo, me contestó antes de que acabara de explicarme; me llevé uno que no era.";
                        result.SharedComment = "Me contestaron antes de que acabara de explicar lo que buscaba, y me llevé un producto que no era.";
                        result.SharedAt = recordedAt.AddMinutes(40);
                        result.SharedById = hr;
                        finding = result;
                    }
                    else if (latest && site.Name == SiteBelowStandard && index == standards.Count - 1)
                    {
                        result.Comment = "El carnicero me explicó cómo preparar la pieza y me apuntó el tiempo de horno. Volveré.";
                        result.SharedComment = "Me explicaron cómo preparar la pieza y me apuntaron el tiempo de horno. Volveré.";
                        result.SharedAt = recordedAt.AddMinutes(40);
                        result.SharedById = hr;
                    }
                    db.AuditResults.Add(result);
                }
        }
        await db.SaveChangesAsync(ct);
        if (finding is not null) await ConfirmFindingAsync(db, finding, below, hr, manager, today, options, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The finding as HR left it after confirming: the targeted refresher sent to the site for that pillar only, the manager's plan submitted.</summary>
    static async Task ConfirmFindingAsync(AppDbContext db, AuditResult result, MeasuredStandard standard, string hr, int manager, DateOnly today, MeasurementOptions options, CancellationToken ct)
    {
        var previous = await db.AuditResults.Where(r => r.SiteId == result.SiteId && r.StandardKey == result.StandardKey
                && r.PeriodKind == result.PeriodKind && r.PeriodStart < result.PeriodStart && r.ReplacedAt == null)
            .OrderByDescending(r => r.PeriodStart).Select(r => (int?)r.ScoreHundredths).FirstOrDefaultAsync(ct);
        var decidedAt = result.RecordedAt.AddHours(1);
        var finding = new Finding
        {
            Result = result, SiteId = result.SiteId, StandardKey = result.StandardKey, PillarKey = result.PillarKey,
            PeriodStart = result.PeriodStart, PeriodKind = result.PeriodKind,
            Kind = FindingKind.BelowThreshold | (previous - result.ScoreHundredths > options.DropPoints * 100 ? FindingKind.Drop : 0),
            ScoreHundredths = result.ScoreHundredths, ThresholdHundredths = standard.ThresholdHundredths, PreviousScoreHundredths = previous,
            RaisedAt = result.RecordedAt, State = FindingState.Confirmed, DecidedAt = decidedAt, DecidedById = hr,
            RefresherDueOn = today.AddDays(options.RefresherDueDays),
        };
        db.Findings.Add(finding);
        var editionId = await db.Pillars.Where(p => p.Id == standard.PillarId).Select(p => p.EditionId).SingleAsync(ct);
        var people = await db.Employees.Include(e => e.CurrentAssignment)
            .Where(e => e.SiteId == result.SiteId && e.IsActive).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var person in people)
        {
            var refresher = new Assignment
            {
                Employee = person, EditionId = editionId, Reason = AssignmentReason.Finding, Finding = finding, AssignedAt = decidedAt,
                DueOn = finding.RefresherDueOn.Value, Pillars = [new AssignmentPillar { PillarId = standard.PillarId }],
            };
            db.Assignments.Add(refresher);
            // Like a periodic refresher, it becomes current only for people with no open work: an unfinished onboarding stays theirs.
            if (person.CurrentAssignment?.CompletedAt is not null) person.CurrentAssignment = refresher;
        }
        db.ActionPlans.Add(new ActionPlan
        {
            Finding = finding, AuthorId = manager, State = ActionPlanState.Submitted,
            Cause = "En caja, con cola, respondemos antes de que el cliente termine de explicarse para ir más rápido; las personas nuevas no han visto todavía cómo se pregunta bien.",
            Actions = "Repasar el pilar «Escucha antes de responder» en la reunión del lunes; en cada turno de tarde, una persona de apoyo en caja cuando haya más de tres clientes en cola; acompañar a Lucía y a Rosa en sus primeros turnos.",
            Owner = "Carmen Ruiz (directora de tienda)", DueOn = today.AddDays(30),
            CreatedAt = decidedAt.AddMinutes(30), UpdatedAt = decidedAt.AddMinutes(50), SubmittedAt = decidedAt.AddMinutes(50),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A month's audit file as if imported a few days into the next month (never later than now); its hash stands in for the file's.</summary>
    internal static AuditBatch MonthlyFile(DateOnly month, DateTime now, int rows)
    {
        var fileName = $"auditoria-{month:yyyy-MM}.csv";
        var recorded = month.AddMonths(1).AddDays(3).ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc);
        return new AuditBatch
        {
            Kind = AuditBatchKind.File, FileName = fileName, Rows = rows, RecordedAt = recorded < now ? recorded : now.AddHours(-3),
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileName))),
        };
    }
}
