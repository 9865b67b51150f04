namespace ServicePromise.Web.Practice;

/// <summary>One question of one person's spaced-retrieval schedule (<see cref="PracticeSchedule"/>): its Leitner box and when it is due.</summary>
public class PracticeItem
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public string PillarKey { get; set; } = "";
    /// <summary>The question's position in the pillar's pool (<see cref="Content.PublishedPillarText.Pool"/>), the same in every language.</summary>
    public int Question { get; set; }
    public int Box { get; set; } = 1;
    /// <summary>The Monday of the week the question is due again.</summary>
    public DateOnly DueWeek { get; set; }
    /// <summary>Wrong answers to this question in a row (0 after a right one).</summary>
    public int MissesInARow { get; set; }
}

/// <summary>
/// One weekly question put to one person, and — once marked — their answer: the weekly job makes the row (one per
/// person, week and slot, so making it twice creates nothing), the home card answers it. "Knowledge kept" counts the
/// answered rows of the last days.
/// </summary>
public class PracticeAnswer
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>The Monday of the week the question was put.</summary>
    public DateOnly Week { get; set; }
    /// <summary>0 .. PerWeek-1: which of the week's questions this is.</summary>
    public int Slot { get; set; }
    public string PillarKey { get; set; } = "";
    /// <summary>The position in the pillar's pool.</summary>
    public int Question { get; set; }
    /// <summary>The edition whose pool the question was taken from.</summary>
    public int EditionId { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public bool Right { get; set; }
    /// <summary>The option indexes chosen, as in <see cref="Understanding.CheckAnswer.Chosen"/>.</summary>
    public string Chosen { get; set; } = "";
    /// <summary>This answer was the second wrong one in a row on the pillar: the card offers a re-read of the lesson part.</summary>
    public bool OffersReread { get; set; }
    /// <summary>When the weekly email with this question was claimed for sending (at most once; a failed send is not retried).</summary>
    public DateTime? MailedAt { get; set; }
}
