using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Content;

public class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder holding the promise and pillars; relative paths resolve against the app's content root.</summary>
    [Required(ErrorMessage = "Content:Path is required: the folder that holds the promise and its pillars.")]
    public string Path { get; set; } = "content";

    [Required, RegularExpression("^(es|en)$", ErrorMessage = "Content:DefaultLanguage must be 'es' or 'en'.")]
    public string DefaultLanguage { get; set; } = "es";
}
