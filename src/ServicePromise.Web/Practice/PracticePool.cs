using System.Globalization;
using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Practice;

/// <summary>Reading a question of a published edition's pool in the reader's language (the pool has the same shape in every language).</summary>
public static class PracticePool
{
    /// <summary>Each pillar of the edition with the size of its pool, in order.</summary>
    public static IReadOnlyList<PoolPillar> Of(PublishedEdition edition) =>
        edition.Pillars.Select(p => new PoolPillar(p.Key, p.Order, TextIn(edition, p, edition.DefaultLanguage).Pool.Count)).ToList();

    /// <summary>The pillar's text in <paramref name="language"/>, else in the edition's default language.</summary>
    public static PublishedPillarText TextIn(PublishedEdition edition, PublishedPillar pillar, string language) =>
        pillar.Texts.FirstOrDefault(t => t.Text.Language == language) ?? pillar.Texts.First(t => t.Text.Language == edition.DefaultLanguage);

    /// <summary>The question in the current UI language, with its pillar's text; null when the edition has no such question.</summary>
    public static (PublishedPillarText Pillar, CheckQuestion Question)? Find(PublishedEdition edition, string pillarKey, int question)
    {
        if (edition.Pillars.FirstOrDefault(p => p.Key == pillarKey) is not { } pillar) return null;
        var text = TextIn(edition, pillar, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        return question >= 0 && question < text.Pool.Count ? (text, text.Pool[question]) : null;
    }

    /// <summary>
    /// The order the options are shown in: shuffled so answers are not learnt by position, but fixed per question put
    /// (seeded by its row), so a reload shows the same order.
    /// </summary>
    public static IReadOnlyList<int> OptionOrder(int answerId, int options)
    {
        var order = Enumerable.Range(0, options).ToArray();
        new Random(answerId).Shuffle(order);
        return order;
    }
}
