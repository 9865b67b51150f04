namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// When a file's headers leave a field out, the header that looks most like one of that field's names in
/// <see cref="HeaderVocabulary"/> ("Fecha ingreso contrato" for the hire date, "Mail corporativo" for the email), for HR
/// to confirm on the import page or with <c>import-staff --map</c>. Only a suggestion: nothing is read from it until
/// someone confirms it.
/// </summary>
public static class MappingSuggestions
{
    /// <summary>How alike a header and a field's name must be (Dice coefficient of their words) to be suggested.</summary>
    public const double Threshold = 0.5;

    /// <summary>
    /// For each field the columns leave out, the closest header not yet used, when close enough: the closest pairs
    /// first, each header for one field at most. Headers we know (for another field, or as not ours: identity
    /// documents, birth dates…) are never suggested.
    /// </summary>
    public static IReadOnlyDictionary<StaffField, string> For(IReadOnlyList<string> headers, IReadOnlyDictionary<StaffField, int> columns)
    {
        var used = columns.Values.ToHashSet();
        var open = Enum.GetValues<StaffField>().Where(f => !columns.ContainsKey(f)).ToList();
        // A name given in parts needs no full-name column, and a full name needs no parts.
        if (PersonName.InParts(columns.Keys.ToList())) open.Remove(StaffField.FullName);
        if (columns.ContainsKey(StaffField.FullName)) open.RemoveAll(f => PersonName.Parts.Contains(f));

        var pairs = new List<(StaffField Field, int Column, double Score)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (used.Contains(i) || HeaderVocabulary.Key(header).Length == 0 || HeaderVocabulary.Meaning(header) is not null || HeaderVocabulary.IsNotOurs(header))
                continue;
            foreach (var field in open)
                if (Likeness(header, field) is var score and >= Threshold)
                    pairs.Add((field, i, score));
        }
        var suggested = new Dictionary<StaffField, string>();
        var taken = new HashSet<int>();
        // Closest first; on a tie, the required field, then the leftmost column.
        foreach (var (field, column, _) in pairs.OrderByDescending(p => p.Score).ThenBy(p => StaffFile.Required.Contains(p.Field) ? 0 : 1).ThenBy(p => p.Column))
            if (!suggested.ContainsKey(field) && taken.Add(column))
                suggested[field] = headers[column].Trim();
        return suggested;
    }

    /// <summary>How much a header looks like the closest of a field's names, from 0 (nothing alike) to 1 (the same words).</summary>
    public static double Likeness(string header, StaffField field)
    {
        var words = HeaderVocabulary.Key(header).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return HeaderVocabulary.HeadersOf(field).Select(h => Dice(words, HeaderVocabulary.Key(h).Split(' ', StringSplitOptions.RemoveEmptyEntries))).DefaultIfEmpty(0).Max();
    }

    /// <summary>Twice the words in common over all the words; a word matches the same word, its abbreviation ("incorp"), or a one-letter typo.</summary>
    static double Dice(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var free = b.ToList();
        var common = 0;
        foreach (var word in a)
        {
            var match = free.FindIndex(w => Alike(word, w));
            if (match < 0) continue;
            common++;
            free.RemoveAt(match);
        }
        return 2.0 * common / (a.Length + b.Length);
    }

    static bool Alike(string a, string b) =>
        a == b
        || (a.Length >= 3 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length >= 3 && a.StartsWith(b, StringComparison.Ordinal))
        || (a.Length >= 5 && b.Length >= 5 && OneEditApart(a, b));

    static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else
            {
                // A swap of two neighbours ("fehca") is one typo too.
                if (i + 1 < a.Length && a[i] == b[j + 1] && a[i + 1] == b[j]) { i += 2; j += 2; continue; }
                i++;
                j++;
            }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
