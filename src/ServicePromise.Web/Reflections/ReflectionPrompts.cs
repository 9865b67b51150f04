using Microsoft.Extensions.Localization;
using ServicePromise.Web.Content;

namespace ServicePromise.Web.Reflections;

public static class ReflectionPrompts
{
    /// <summary>The three questions a pillar asks, in the text's language: its own prompts, or the product's default wording.</summary>
    public static IReadOnlyDictionary<ReflectionPart, string> Of(PillarText text, IStringLocalizer L) => new Dictionary<ReflectionPart, string>
    {
        [ReflectionPart.Meaning] = text.ReflectionPrompt,
        [ReflectionPart.Customers] = text.CustomersPrompt
            ?? L["¿Quiénes son tus clientes en tu puesto? Piensa en los de fuera y en los compañeros a los que sirves: cliente es todo aquel que no soy yo."],
        [ReflectionPart.Action] = text.ActionPrompt ?? L["¿Qué acción concreta harás para aplicar este pilar, y cuándo?"],
    };
}
