using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Accounts;

/// <summary>How sessions are checked and which passwords are strong enough (section <c>Accounts</c>).</summary>
public class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// How long, in seconds, one instance trusts its last look at a person's security stamp and active flag before
    /// reading them again. Changes made through this instance end sessions at once whatever this is; a change made
    /// elsewhere (another instance, bulk SQL) ends them within this many seconds. 0 reads them on every request.
    /// </summary>
    [Range(0, 60, ErrorMessage = "Accounts:SessionCheckSeconds must be between 0 and 60.")]
    public int SessionCheckSeconds { get; set; } = 5;

    /// <summary>
    /// The least zxcvbn score (0 very weak … 4 very strong) a new password needs. 3 refuses common passwords and their
    /// variants, keyboard walks and dates while a phrase of a few unrelated words passes.
    /// </summary>
    [Range(0, 4, ErrorMessage = "Accounts:MinimumPasswordScore must be between 0 and 4.")]
    public int MinimumPasswordScore { get; set; } = 3;
}
