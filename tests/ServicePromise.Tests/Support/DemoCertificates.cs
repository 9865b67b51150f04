using Microsoft.EntityFrameworkCore;

namespace ServicePromise.Tests.Support;

/// <summary>Certificates of the demo organisation that several tests act on.</summary>
public static class DemoCertificates
{
    /// <summary>Manuel Ortiz (MO-0102), who has completed: his employee id and his certificate's code.</summary>
    public static Task<(int PersonId, string Code)> ManuelsAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var c = await db.Certificates.AsNoTracking().FirstAsync(x => x.Employee!.EmployeeNumber == "MO-0102");
        return (c.EmployeeId, c.Code);
    });
}
