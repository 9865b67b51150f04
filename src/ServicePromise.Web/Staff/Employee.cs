namespace ServicePromise.Web.Staff;

/// <summary>A person who must know the promise: staff or third party. Every employee signs in through one Identity user.</summary>
public class Employee
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>
    /// The name folded for searching and sorting ("Óscar Núñez" → "oscar nunez"), kept in step with
    /// <see cref="FullName"/> on every save so "lucia" finds Lucía and Ó sorts with O on any database.
    /// </summary>
    public string SearchName { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? SiteId { get; set; }
    public Site? Site { get; set; }
    public int? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    public DateOnly HireDate { get; set; }
    /// <summary>Two-letter UI and content language: "es" or "en".</summary>
    public string Language { get; set; } = "es";
    /// <summary>An optional mobile number from the HR file; kept, not yet used for messages.</summary>
    public string? MobilePhone { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Own staff or a third party (temps, outsourced); both take the promise.</summary>
    public Import.EmploymentType EmploymentType { get; set; }
    /// <summary>The assignment that states this person's status today; kept current so lists need one join, not a search.</summary>
    public int? CurrentAssignmentId { get; set; }
    public Learning.Assignment? CurrentAssignment { get; set; }
    /// <summary>
    /// A copy of the current assignment's due date, start and completion, kept in step on every write
    /// (<see cref="Learning.EmployeeProgress"/>) so lists, counts and the dashboard read one table, never a join per person.
    /// </summary>
    public DateOnly? CurrentDueOn { get; set; }
    public DateTime? CurrentStartedAt { get; set; }
    public DateTime? CurrentCompletedAt { get; set; }
    /// <summary>Why the current assignment was given (onboarding, new edition, periodic), for the dashboard's new hires.</summary>
    public Learning.AssignmentReason? CurrentReason { get; set; }
}

public class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public class Site
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
