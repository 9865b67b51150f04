using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.RoleChanges;

/// <summary>Whether a new job or site asks for new reflections, and how many days the person has to write them.</summary>
public class RoleChangeOptions
{
    public const string Section = "Learning:RoleChange";

    public bool Enabled { get; set; } = true;

    [Range(1, 365, ErrorMessage = "Learning:RoleChange:DueDays must be between 1 and 365.")]
    public int DueDays { get; set; } = 30;
}
