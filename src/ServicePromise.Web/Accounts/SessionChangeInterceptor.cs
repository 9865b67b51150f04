using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Makes this instance forget what it remembered about a person's session as soon as it saves a change to their
/// account (a new security stamp: password, email, role, sign-out) or their active flag (the staff import's
/// deactivation, which does not go through UserManager) or their language. Inside a transaction the forgetting waits for the commit,
/// so a request in between cannot remember the old state again. Bulk SQL that bypasses tracking is caught by the
/// cache's short life (<see cref="AccountsOptions.SessionCheckSeconds"/>).
/// </summary>
public sealed class SessionChangeInterceptor(SessionCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    void Collect(DbContext? context)
    {
        if (context is null) return;
        HashSet<string>? ids = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var userId = entry.Entity switch
            {
                AppUser user when Changed(entry, nameof(AppUser.SecurityStamp)) => user.Id,
                Employee person when Changed(entry, nameof(Employee.IsActive)) || Changed(entry, nameof(Employee.Language)) => person.UserId,
                _ => null,
            };
            if (userId is null) continue;
            ids ??= _pending.GetOrCreateValue(context);
            lock (ids) ids.Add(userId);
        }
    }

    static bool Changed(EntityEntry entry, string property) =>
        entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && entry.Property(property).IsModified);

    void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var ids)) return;
        string[] forget;
        lock (ids)
        {
            forget = [.. ids];
            ids.Clear();
        }
        if (forget.Length > 0) cache.Forget(forget);
    }
}
