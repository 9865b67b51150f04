using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Content.Admin;

/// <summary>One sentence for the content owner saying how the practice questions change, and that nobody redoes the pillar for it.</summary>
public static class PracticeChangeText
{
    public static string Of(PracticeChange change, IStringLocalizer L)
    {
        var parts = new List<string>();
        if (change.Added > 0) parts.Add(change.Added == 1 ? L["1 añadida"] : L["{0} añadidas", change.Added]);
        if (change.Removed > 0) parts.Add(change.Removed == 1 ? L["1 quitada"] : L["{0} quitadas", change.Removed]);
        if (change.Changed > 0) parts.Add(change.Changed == 1 ? L["1 cambiada"] : L["{0} cambiadas", change.Changed]);
        return L["Preguntas de repaso: {0}. No cuentan para completar el pilar: nadie tiene que repetirlo por ellas.", string.Join(", ", parts)];
    }
}
