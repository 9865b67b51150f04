using System.Globalization;
using System.Text;

namespace ServicePromise.Web.Reflections;

/// <summary>
/// Text compared by its words, not its characters: case, accents and punctuation do not matter, so "Escucho
/// al cliente." and "escucho al cliente" are the same words. A shingle is a run of consecutive words.
/// </summary>
public static class Shingles
{
    public const int Size = 3;

    public static IReadOnlyList<string> Words(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The text's runs of <paramref name="size"/> words; a shorter text is one shingle of all its words.</summary>
    public static HashSet<string> Of(string text, int size = Size) => Of(Words(text), size);

    public static HashSet<string> Of(IReadOnlyList<string> words, int size = Size)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return set;
        if (words.Count < size) { set.Add(string.Join(' ', words)); return set; }
        for (var i = 0; i + size <= words.Count; i++) set.Add(string.Join(' ', words.Skip(i).Take(size)));
        return set;
    }

    /// <summary>Jaccard similarity of the two texts' shingles: 1 for the same words in the same order, 0 for nothing in common.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>The share of <paramref name="part"/>'s shingles that also occur in <paramref name="source"/>.</summary>
    public static double CopiedFrom(IReadOnlySet<string> part, IReadOnlySet<string> source) =>
        part.Count == 0 ? 0 : (double)part.Count(source.Contains) / part.Count;
}
