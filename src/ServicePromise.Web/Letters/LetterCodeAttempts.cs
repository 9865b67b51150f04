using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Letters;

/// <summary>
/// Letter codes that did not work, per client address (<see cref="ThrottlingOptions.LetterCodePerAddress"/>): the
/// cashiers of one store's Wi-Fi using their letters at a shift change are not guessing, and guessing one code in 2^59
/// stays hopeless.
/// </summary>
public sealed class LetterCodeAttempts(IOptions<ThrottlingOptions> options) : FailedAttempts(() => options.Value.LetterCodePerAddress)
{
    public bool Exhausted(HttpContext context) => Exhausted(Throttling.Address(context));

    public void Failed(HttpContext context) => Failed(Throttling.Address(context));
}
