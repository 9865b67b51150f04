namespace ServicePromise.Web.Content;

public static class Translations
{
    /// <summary>The text in the reader's language, or else in the edition's default language (which every pillar has).</summary>
    public static T InLanguage<T>(this IEnumerable<T> texts, Func<T, string> languageOf, string wanted, string fallback)
    {
        var list = texts as IReadOnlyList<T> ?? texts.ToList();
        return list.FirstOrDefault(t => languageOf(t) == wanted) ?? list.First(t => languageOf(t) == fallback);
    }
}
