using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Understanding;

/// <summary>How understanding is reported (section "Understanding").</summary>
public class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>The fewest people a group may have for its rate to be shown: below it, a rate would point at someone.</summary>
    [Range(1, 1000, ErrorMessage = "Understanding:MinimumGroup must be between 1 and 1000.")]
    public int MinimumGroup { get; set; } = 5;
}
