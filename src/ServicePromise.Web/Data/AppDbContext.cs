using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<EditionText> EditionTexts => Set<EditionText>();
    public DbSet<Pillar> Pillars => Set<Pillar>();
    public DbSet<PillarText> PillarTexts => Set<PillarText>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentPillar> AssignmentPillars => Set<AssignmentPillar>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<ReflectionVersion> ReflectionVersions => Set<ReflectionVersion>();
    public DbSet<ReflectionReview> ReflectionReviews => Set<ReflectionReview>();
    public DbSet<Nudge> Nudges => Set<Nudge>();
    public DbSet<Staff.Import.StaffUpload> StaffUploads => Set<Staff.Import.StaffUpload>();
    public DbSet<Reminders.ReminderSend> ReminderSends => Set<Reminders.ReminderSend>();
    public DbSet<Staff.Import.Invitation> Invitations => Set<Staff.Import.Invitation>();
    public DbSet<Staff.Import.StaffImportMapping> StaffImportMappings => Set<Staff.Import.StaffImportMapping>();
    public DbSet<CheckAttempt> CheckAttempts => Set<CheckAttempt>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Evidence.EvidencePack> EvidencePacks => Set<Evidence.EvidencePack>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Provisioning.ScimToken> ScimTokens => Set<Provisioning.ScimToken>();
    public DbSet<Provisioning.ScimLink> ScimLinks => Set<Provisioning.ScimLink>();
    public DbSet<Provisioning.ScimChange> ScimChanges => Set<Provisioning.ScimChange>();
    public DbSet<Letters.Letter> Letters => Set<Letters.Letter>();
    public DbSet<PillarStandard> PillarStandards => Set<PillarStandard>();
    public DbSet<PillarStandardText> PillarStandardTexts => Set<PillarStandardText>();
    public DbSet<Measurement.AuditBatch> AuditBatches => Set<Measurement.AuditBatch>();
    public DbSet<Measurement.AuditResult> AuditResults => Set<Measurement.AuditResult>();
    public DbSet<Measurement.AuditUpload> AuditUploads => Set<Measurement.AuditUpload>();
    public DbSet<Measurement.Finding> Findings => Set<Measurement.Finding>();
    public DbSet<Measurement.ActionPlan> ActionPlans => Set<Measurement.ActionPlan>();
    public DbSet<Measurement.ActionPlanDecision> ActionPlanDecisions => Set<Measurement.ActionPlanDecision>();
    public DbSet<Understanding.CheckAnswer> CheckAnswers => Set<Understanding.CheckAnswer>();
    public DbSet<RoleChanges.RoleChange> RoleChanges => Set<RoleChanges.RoleChange>();
    public DbSet<CheckIns.CommitmentCheckIn> CommitmentCheckIns => Set<CheckIns.CommitmentCheckIn>();
    public DbSet<CheckIns.CheckInReply> CheckInReplies => Set<CheckIns.CheckInReply>();
    public DbSet<Practice.PracticeItem> PracticeItems => Set<Practice.PracticeItem>();
    public DbSet<Practice.PracticeAnswer> PracticeAnswers => Set<Practice.PracticeAnswer>();
    public DbSet<Practice.KnowledgeCell> KnowledgeCells => Set<Practice.KnowledgeCell>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        FoldNames();
        var untracked = EmployeeProgress.CopyTracked(this);
        if (untracked.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The assignment and its copies change together.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await EmployeeProgress.SyncAsync(this, untracked, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        FoldNames();
        var untracked = EmployeeProgress.CopyTracked(this);
        if (untracked.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        EmployeeProgress.Sync(this, untracked);
        transaction?.Commit();
        return saved;
    }

    void FoldNames()
    {
        foreach (var entry in ChangeTracker.Entries<Employee>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.SearchName = SearchText.Fold(entry.Entity.FullName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp we store is UTC; say so when reading it back, on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
