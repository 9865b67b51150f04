namespace ServicePromise.Web.Staff;

public static class EmployeeQueries
{
    /// <summary>
    /// The person with this employee number, as written or in any case: HR files, letters, providers' claims and
    /// people typing at the sign-in page write "mo-0107" and "MO-0107" alike, and the import keeps numbers unique
    /// whatever their case. Every look-up of a person by number goes through here (sign-in, single sign-on, SCIM, the import).
    /// </summary>
    public static IQueryable<Employee> WithEmployeeNumber(this IQueryable<Employee> employees, string number)
    {
        var upper = number.ToUpperInvariant();
        // Translated to SQL UPPER(...) = …: the culture and StringComparison overloads CA1304/CA1311/CA1862 ask for do
        // not translate. The number as written matches too, where SQLite's UPPER, which folds only ASCII, would not.
#pragma warning disable CA1304, CA1311, CA1862
        return employees.Where(e => e.EmployeeNumber == number || e.EmployeeNumber.ToUpper() == upper);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
