using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Accounts;

/// <summary>Identity's password and account errors in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = L["La contraseña debe tener al menos {0} caracteres.", length] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = L["La contraseña debe incluir al menos un número."] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = L["La contraseña debe incluir al menos una letra minúscula."] };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = L["La contraseña debe tener al menos {0} caracteres distintos.", uniqueChars] };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = L["El enlace no es válido o ha caducado. Pide uno nuevo."] };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = L["Ya existe una cuenta con el correo {0}.", email] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = L["Ya existe una cuenta con el correo {0}.", userName] };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = L["No se ha podido completar la operación."] };
}
