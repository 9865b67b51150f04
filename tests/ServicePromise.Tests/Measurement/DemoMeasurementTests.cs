using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Measurement;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Measurement;

/// <summary>The demo's service audits, and the synthetic organisation's two years of them, hold what the issue asks for.</summary>
public class DemoMeasurementTests
{
    [Fact]
    public async Task The_demo_has_three_months_of_audits_and_one_confirmed_finding_at_Sevilla_Centro_with_its_refresher_plan_and_comment()
    {
        using var app = new AppFactory { Settings = { [AppFactory.DemoAudits] = "true" } };
        await app.WithDbAsync<int>(async db =>
        {
            var standards = await DemoMeasurement.CurrentStandardsAsync(db, default);
            var threshold = standards.ToDictionary(s => s.Key, s => s.ThresholdHundredths);
            var results = await db.AuditResults.AsNoTracking().Where(r => r.ReplacedAt == null)
                .Select(r => new { r.Id, Site = r.Site!.Name, r.SiteId, r.StandardKey, r.PillarKey, r.PeriodStart, r.PeriodKind, r.ScoreHundredths, r.Sample, r.Source, r.SharedComment })
                .ToListAsync();
            var sites = await db.Sites.CountAsync();

            // Three consecutive months, each site scored once on every standard, from realistic sources and samples.
            var months = results.Select(r => r.PeriodStart).Distinct().Order().ToList();
            Assert.Equal(3, months.Count);
            Assert.Equal([months[0].AddMonths(1), months[0].AddMonths(2)], months.Skip(1));
            Assert.True(months[^1] < DateOnly.FromDateTime(DateTime.UtcNow), "the latest month is in the past");
            Assert.All(results, r => Assert.Equal(PeriodKind.Month, r.PeriodKind));
            Assert.Equal(sites * standards.Count * 3, results.Count);
            Assert.Equal(results.Count, results.Select(r => (r.SiteId, r.StandardKey, r.PeriodStart)).Distinct().Count());
            Assert.All(results, r => Assert.InRange(r.Sample, 5, 1000));
            Assert.Contains(results, r => r.Source == DemoMeasurement.MysteryShopper);
            Assert.Contains(results, r => r.Source == DemoMeasurement.CustomerSurvey);

            // Exactly one result below its threshold: Sevilla Centro, latest month, the listening pillar.
            var below = Assert.Single(results, r => r.ScoreHundredths < threshold[r.StandardKey]);
            Assert.Equal((DemoMeasurement.SiteBelowStandard, DemoMeasurement.PillarBelowStandard, months[^1]), (below.Site, below.PillarKey, below.PeriodStart));
            Assert.NotNull(below.SharedComment);

            var finding = await db.Findings.AsNoTracking().SingleAsync();
            Assert.Equal((below.Id, FindingState.Confirmed, below.ScoreHundredths, threshold[below.StandardKey]),
                (finding.ResultId, finding.State, finding.ScoreHundredths, finding.ThresholdHundredths));
            Assert.True(finding.Kind.HasFlag(FindingKind.BelowThreshold));
            Assert.Null(finding.ClosedAt);
            Assert.NotNull(finding.DecidedById);

            // Its refresher went to every active person of that site and nobody else, for that one pillar only.
            var refreshers = await db.Assignments.AsNoTracking().Where(a => a.Reason == AssignmentReason.Finding)
                .Select(a => new { a.EmployeeId, a.FindingId, Pillars = a.Pillars.Select(p => p.Pillar!.Key).ToList() }).ToListAsync();
            var site = await db.Employees.Where(e => e.SiteId == below.SiteId && e.IsActive).Select(e => e.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(site, refreshers.Select(r => r.EmployeeId).Order());
            Assert.All(refreshers, r => Assert.Equal(finding.Id, r.FindingId));
            Assert.All(refreshers, r => Assert.Equal([DemoMeasurement.PillarBelowStandard], r.Pillars));

            // Carmen's plan waits for approval.
            var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Author).SingleAsync();
            Assert.Equal((finding.Id, ActionPlanState.Submitted, "MO-0001"), (plan.FindingId, plan.State, plan.Author!.EmployeeNumber));
            Assert.NotNull(plan.SubmittedAt);
            Assert.False(string.IsNullOrWhiteSpace(plan.Cause + plan.Actions + plan.Owner));
            return 0;
        });
    }

    [Fact]
    public async Task A_new_edition_published_while_the_demo_refresher_is_open_moves_it_along_still_answering_its_finding()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content, Settings = { [AppFactory.DemoAudits] = "true" } };
        var open = await app.WithDbAsync(db => db.Employees.Where(e => e.CurrentAssignment!.Reason == AssignmentReason.Finding && e.CurrentAssignment.CompletedAt == null)
            .Select(e => new { e.Id, e.CurrentAssignment!.FindingId }).ToListAsync());
        Assert.NotEmpty(open);

        var path = Path.Combine(content, "es/pillars/01-listen.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("order: 1", "order: 1\nchange: substantive") + "\nSi no lo has entendido, pregunta otra vez.\n");
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var published = await admin.SubmitAsync(await admin.GetPageAsync("/admin/content"), "form[action*='handler=Publish']",
            new Dictionary<string, string> { ["Input.Note"] = "Escucha reescrito", ["Input.Confirm"] = "true" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, published.StatusCode);

        var after = await app.WithDbAsync(db => db.Employees.Where(e => open.Select(o => o.Id).Contains(e.Id))
            .Select(e => new { e.Id, e.CurrentAssignment!.Reason, e.CurrentAssignment.FindingId, e.CurrentAssignment.Edition!.Number }).ToListAsync());
        Assert.All(after, a => Assert.Equal((AssignmentReason.Finding, open.Single(o => o.Id == a.Id).FindingId, 2), (a.Reason, a.FindingId, a.Number)));
    }

    [Fact]
    public async Task The_synthetic_organisation_gets_one_live_result_per_site_standard_and_month_with_consistent_findings_and_plans()
    {
        using var app = new AppFactory { Environment = "Production" };
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SyntheticOrganisation>().GenerateAsync(1200);
        await app.WithDbAsync<int>(async db =>
        {
            var standards = await DemoMeasurement.CurrentStandardsAsync(db, default);
            var threshold = standards.ToDictionary(s => s.Key, s => s.ThresholdHundredths);
            var results = await db.AuditResults.AsNoTracking().Where(r => r.ReplacedAt == null)
                .Select(r => new { r.Id, r.SiteId, r.StandardKey, r.PeriodStart, r.ScoreHundredths, r.Sample, r.SharedComment }).ToListAsync();
            var sites = await db.Sites.CountAsync();
            Assert.Equal(sites * standards.Count * SyntheticMeasurement.Months, results.Count);
            Assert.Equal(results.Count, results.Select(r => (r.SiteId, r.StandardKey, r.PeriodStart)).Distinct().Count());
            Assert.Equal(SyntheticMeasurement.Months, results.Select(r => r.PeriodStart).Distinct().Count());
            Assert.All(results, r => Assert.InRange(r.ScoreHundredths, 0, 10000));
            Assert.All(results, r => Assert.True(r.Sample >= 5, $"sample {r.Sample}"));
            Assert.Contains(results, r => r.SharedComment is not null);

            // Every result below its threshold raised one finding, on its own site, standard and month; a closed one
            // was closed by a later month of the same site and standard that met the threshold.
            var byId = results.ToDictionary(r => r.Id);
            var findings = await db.Findings.AsNoTracking().ToListAsync();
            Assert.Equal(results.Where(r => r.ScoreHundredths < threshold[r.StandardKey]).Select(r => r.Id).Order(),
                findings.Where(f => f.Kind.HasFlag(FindingKind.BelowThreshold)).Select(f => f.ResultId).Order());
            Assert.All(findings, f => Assert.Equal((byId[f.ResultId].SiteId, byId[f.ResultId].StandardKey, byId[f.ResultId].PeriodStart, byId[f.ResultId].ScoreHundredths),
                (f.SiteId, f.StandardKey, f.PeriodStart, f.ScoreHundredths)));
            Assert.All(findings.Where(f => f.State == FindingState.Closed), f =>
            {
                var closer = byId[f.ClosedByResultId!.Value];
                Assert.True(closer.PeriodStart > f.PeriodStart && closer.SiteId == f.SiteId && closer.StandardKey == f.StandardKey && closer.ScoreHundredths >= f.ThresholdHundredths);
            });
            Assert.Contains(findings, f => f.State == FindingState.Closed);
            var plans = await db.ActionPlans.AsNoTracking().Select(p => new { p.FindingId, p.State, AuthorSite = p.Author!.SiteId }).ToListAsync();
            Assert.NotEmpty(plans);
            var findingsById = findings.ToDictionary(f => f.Id);
            Assert.All(plans, p => Assert.Equal(findingsById[p.FindingId].SiteId, p.AuthorSite));
            Assert.All(plans, p => Assert.Equal(findingsById[p.FindingId].State == FindingState.Closed ? ActionPlanState.Approved : ActionPlanState.Submitted, p.State));
            return 0;
        });
    }
}
