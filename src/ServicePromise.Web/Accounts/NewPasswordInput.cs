using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Accounts;

/// <summary>The two fields of every "choose a password" form (invitation and reset).</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Escribe una contraseña.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "La contraseña debe tener entre {2} y {1} caracteres.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nueva contraseña")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repite la contraseña.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Las dos contraseñas no coinciden.")]
    [Display(Name = "Repite la contraseña")]
    public string ConfirmPassword { get; set; } = "";
}
