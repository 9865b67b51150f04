using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess — the most common ones and their variants ("password12"), keyboard
/// walks, sequences, dates, the person's own email — by zxcvbn's estimate (score 0–4, at least
/// <see cref="AccountsOptions.MinimumPasswordScore"/>), and says why in the reader's language. Runs on every page
/// that sets a password, since they all go through UserManager.
/// </summary>
public sealed class StrongPasswordValidator(IOptions<AccountsOptions> options, IStringLocalizer<SharedResource> L) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "WeakPassword";

    // Building the dictionaries takes ~150 ms; one instance serves every request, one password at a time.
    static readonly Zxcvbn.Zxcvbn Estimator = new();
    static readonly Lock Gate = new();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // the length rule answers
        var result = Estimate(password, PersonalWords(user));
        if (result.Score >= options.Value.MinimumPasswordScore) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = ErrorCode,
            Description = L["Esta contraseña es demasiado fácil de adivinar: {0} Prueba con una frase de tres o cuatro palabras que no suelan ir juntas.", Reason(password, result)],
        }));
    }

    static Zxcvbn.Result Estimate(string password, IEnumerable<string> personal)
    {
        lock (Gate) return Estimator.EvaluatePassword(password, personal);
    }

    /// <summary>The person's email and its parts ("lucia", "romero"), which an attacker would try first.</summary>
    static IEnumerable<string> PersonalWords(AppUser user) =>
        new[] { user.Email, user.UserName }.OfType<string>()
            .SelectMany(e => e.Split(['@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries).Append(e).Append(e.Split('@')[0]))
            .Where(w => w.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>What most weakens it: the person's own details, a common password, a pattern, a date — or just too short a guess.</summary>
    string Reason(string password, Zxcvbn.Result result)
    {
        var big = result.MatchSequence.Where(m => m.Token.Length * 2 >= password.Length || m.Token.Length >= 6).ToList();
        if (result.MatchSequence.OfType<Zxcvbn.Matcher.DictionaryMatch>().Any(m => m.DictionaryName == "user_inputs"))
            return L["contiene tu nombre o tu correo electrónico."];
        if (big.OfType<Zxcvbn.Matcher.DictionaryMatch>().Any(m => m.DictionaryName == "passwords"))
            return L["es una de las contraseñas más usadas, o casi igual a una, y es lo primero que prueba un atacante."];
        if (big.Any(m => m.Pattern is "sequence" or "repeat" or "spatial"))
            return L["repite caracteres o sigue una secuencia del teclado o del abecedario."];
        if (big.Any(m => m.Pattern == "date"))
            return L["se basa en una fecha o un año."];
        if (big.OfType<Zxcvbn.Matcher.DictionaryMatch>().Any())
            return L["es una palabra o un nombre corriente con pocos cambios."];
        return L["se puede adivinar con pocos intentos."];
    }
}
