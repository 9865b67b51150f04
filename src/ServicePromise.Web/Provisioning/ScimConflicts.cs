using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ServicePromise.Web.Provisioning;

/// <summary>Why a write failed because another request wrote first.</summary>
public enum ScimConflict { Uniqueness, Concurrency }

/// <summary>
/// Tells a write that lost a race (a unique index another request filled first, a row it changed meanwhile, a
/// deadlock) from a fault: the first is worth one more try, the second is a 500.
/// </summary>
public static class ScimConflicts
{
    const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    public static ScimConflict? Of(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException) return ScimConflict.Concurrency;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey }:
                    return ScimConflict.Uniqueness;
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                    return ScimConflict.Concurrency;
            }
        }
        return null;
    }
}
