using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Reflections;

public enum ReflectionStatus
{
    /// <summary>Being written; saved as the person types.</summary>
    Draft = 0,
    /// <summary>Sent, waiting for the reviewer (only when reviews are on).</summary>
    Submitted = 1,
    /// <summary>The reviewer sent it back with a comment; the person revises and sends it again.</summary>
    Returned = 2,
    /// <summary>Counts: sent with reviews off, or approved. The pillar's <see cref="AssignmentPillar.ReflectedAt"/> is set.</summary>
    Accepted = 3,
}

/// <summary>
/// What an employee wrote about one pillar in their own role, for one assignment, in three guided parts. The
/// row holds the working copy; every sent version is kept in <see cref="Versions"/>.
/// </summary>
public class Reflection
{
    public int Id { get; set; }
    public int AssignmentPillarId { get; set; }
    public AssignmentPillar? AssignmentPillar { get; set; }
    /// <summary>What this pillar means in my role.</summary>
    public string Meaning { get; set; } = "";
    /// <summary>Who my customers are, internal and external.</summary>
    public string Customers { get; set; } = "";
    /// <summary>One concrete action I will take, and when.</summary>
    public string Action { get; set; } = "";
    /// <summary>The action's plan: the date by when it will first be done (null in reflections written before plans had dates).</summary>
    public DateOnly? ActionDueOn { get; set; }
    /// <summary>Goes up by one on every save; a save that names an older revision is stale and is not applied.</summary>
    public int Revision { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When it was last sent; null while it has never been sent.</summary>
    public DateTime? SubmittedAt { get; set; }
    public ReflectionStatus Status { get; set; }

    /// <summary>The author agreed to show it to colleagues as an example (withdrawable at any time).</summary>
    public bool ShareConsent { get; set; }
    /// <summary>Shown without the author's name.</summary>
    public bool ShareAnonymously { get; set; }
    /// <summary>Chosen by HR or the reviewer as an example; only while consent stands.</summary>
    public DateTime? FeaturedAt { get; set; }
    public int? FeaturedById { get; set; }

    /// <summary>Another person's reflection this one is nearly the same as (word-shingle similarity), for the reviewer and HR.</summary>
    public int? SimilarToId { get; set; }
    public double? Similarity { get; set; }

    public List<ReflectionVersion> Versions { get; set; } = [];
    public List<ReflectionReview> Reviews { get; set; } = [];

    public ReflectionText Text => new(Meaning, Customers, Action);
}

/// <summary>One sent version of a reflection, kept for ever with its time.</summary>
public class ReflectionVersion
{
    public int Id { get; set; }
    public int ReflectionId { get; set; }
    public Reflection? Reflection { get; set; }
    public int Number { get; set; }
    public string Meaning { get; set; } = "";
    public string Customers { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>The plan's date as sent; its check-ins start from it once this version counts.</summary>
    public DateOnly? ActionDueOn { get; set; }
    public DateTime SubmittedAt { get; set; }
    public ReflectionText Text => new(Meaning, Customers, Action);
}

public enum ReviewDecision
{
    Approved = 1,
    Returned = 2,
}

/// <summary>A reviewer's decision on one sent version, with a comment and the short rubric; the thread is kept.</summary>
public class ReflectionReview
{
    public int Id { get; set; }
    public int ReflectionId { get; set; }
    public Reflection? Reflection { get; set; }
    public int VersionNumber { get; set; }
    public int ReviewerId { get; set; }
    public Employee? Reviewer { get; set; }
    public ReviewDecision Decision { get; set; }
    public string? Comment { get; set; }
    /// <summary>Rubric: specific to the person's role.</summary>
    public bool? SpecificToRole { get; set; }
    /// <summary>Rubric: names who the customer is.</summary>
    public bool? NamesCustomer { get; set; }
    /// <summary>Rubric: a concrete action, with when.</summary>
    public bool? ConcreteAction { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>A manager's reminder email to one of their people; kept to limit how often anyone is nudged.</summary>
public class Nudge
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public int SentById { get; set; }
    public Employee? SentBy { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>The three guided parts of a reflection.</summary>
public sealed record ReflectionText(string Meaning, string Customers, string Action)
{
    public static readonly ReflectionText Empty = new("", "", "");

    /// <summary>Line breaks as the reader counts them (browsers post CRLF), and no surrounding blanks.</summary>
    public ReflectionText Normalized() => new(Clean(Meaning), Clean(Customers), Clean(Action));

    public bool IsEmpty => Meaning.Length == 0 && Customers.Length == 0 && Action.Length == 0;

    public string this[ReflectionPart part] => part switch
    {
        ReflectionPart.Meaning => Meaning,
        ReflectionPart.Customers => Customers,
        _ => Action,
    };

    static string Clean(string? s) => (s ?? "").Replace("\r\n", "\n").Trim();
}

public enum ReflectionPart
{
    Meaning,
    Customers,
    Action,
}
