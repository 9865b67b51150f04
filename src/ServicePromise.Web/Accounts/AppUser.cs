using Microsoft.AspNetCore.Identity;

namespace ServicePromise.Web.Accounts;

public class AppUser : IdentityUser
{
}

public static class Roles
{
    public const string Employee = "Employee";
    public const string Manager = "Manager";
    public const string HR = "HR";
    public const string Admin = "Admin";
    public static readonly string[] All = [Employee, Manager, HR, Admin];
    /// <summary>Roles allowed on HR pages; used in [Authorize(Roles = ...)].</summary>
    public const string HrOrAdmin = HR + "," + Admin;
    /// <summary>Roles that may open the coaching pages (a reflection's review); which reflections each sees is checked per page.</summary>
    public const string ManagerOrHr = Manager + "," + HR + "," + Admin;
}
