using System.Text;

namespace ServicePromise.Web.Record;

/// <summary>Breaking text into lines that fit a width, for the PDF. Plain rules: the caller says how wide a string is.</summary>
public static class TextWrap
{
    /// <summary>
    /// The lines of <paramref name="text"/>, each no wider than <paramref name="width"/>: broken at spaces, and inside a
    /// word only when the word alone does not fit. The writer's own line breaks are kept (an empty line stays empty);
    /// tabs count as a space and other control characters are left out, so every character printed is one the person wrote.
    /// </summary>
    public static IReadOnlyList<string> Lines(string? text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            var before = lines.Count;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                // A word wider than the line (a long address, a run of letters) is cut where it must be.
                while (line.Length > 1 && measure(line) > width)
                {
                    var fits = Fitting(line, width, measure);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            if (line.Length > 0 || lines.Count == before) lines.Add(line);
        }
        return lines;
    }

    /// <summary>Line breaks as one "\n", tabs as spaces, no other control characters.</summary>
    public static string Clean(string? text)
    {
        var s = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n');
        var clean = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '\n') clean.Append(c);
            else if (c == '\t') clean.Append(' ');
            else if (!char.IsControl(c)) clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>How many leading characters fit (at least one, so a line always moves on; never half a surrogate pair).</summary>
    static int Fitting(string word, double width, Func<string, double> measure)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (measure(word[..mid]) <= width) low = mid;
            else high = mid - 1;
        }
        if (char.IsLowSurrogate(word[low])) low += low > 1 ? -1 : 1;
        return low;
    }
}
