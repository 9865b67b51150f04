using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// Characters that change how text is read rather than what it says: line breaks (which split a mail header or a
/// name on a certificate in two) and the bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069 (which
/// make «Ana» display as «anA» — on a certificate, a verification page, a mail). One rule for every form, command and
/// import, so they all refuse the same things.
/// </summary>
public static class TextRules
{
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>CR, LF, NEL and the Unicode line and paragraph separators.</summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
}

/// <summary>A name, job title, change note or other text that must stay on one line.</summary>
public static class SingleLineText
{
    static readonly Messages L = new();

    /// <summary>Why <paramref name="text"/> cannot be a single-line value (a message to show beside the field), or null when it can.</summary>
    public static Message? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var c in text)
        {
            if (TextRules.IsLineBreak(c)) return L["No puede tener saltos de línea: escríbelo en una sola línea."];
            if (TextRules.IsBidiControl(c)) return L["Tiene caracteres invisibles que cambian el sentido de la escritura (U+202A–U+202E, U+2066–U+2069); bórralos y escríbelo de nuevo."];
            if (char.IsControl(c)) return L["Tiene caracteres de control invisibles; bórralos y escríbelo de nuevo."];
        }
        return null;
    }

    public static bool IsSafe(string? text) => Problem(text) is null;
}

/// <summary>A comment or reflection: line breaks and tabs are fine, direction overrides and other control characters are not.</summary>
public static class MultiLineText
{
    static readonly Messages L = new();

    public static Message? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var c in text)
        {
            if (TextRules.IsBidiControl(c)) return L["Tiene caracteres invisibles que cambian el sentido de la escritura (U+202A–U+202E, U+2066–U+2069); bórralos y escríbelo de nuevo."];
            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t') return L["Tiene caracteres de control invisibles; bórralos y escríbelo de nuevo."];
        }
        return null;
    }

    public static bool IsSafe(string? text) => Problem(text) is null;
}

/// <summary>
/// Stored text as it is shown where a person cannot see what is hidden in it — mail headers, PDFs, the public
/// verification page. Names stored before the forms refused these characters (or by any other way in) are shown
/// on one line, in the order they were typed.
/// </summary>
public static class DisplayText
{
    /// <summary>Line breaks become spaces; direction overrides/isolates and other control characters are removed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = true;
        foreach (var c in text)
            if (TextRules.IsLineBreak(c) || TextRules.IsBidiControl(c) || char.IsControl(c)) { clean = false; break; }
        if (clean) return text;

        var result = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (TextRules.IsLineBreak(c) || c == '\t')
            {
                if (result.Length > 0 && result[^1] != ' ') result.Append(' ');
            }
            else if (!TextRules.IsBidiControl(c) && !char.IsControl(c))
                result.Append(c);
        }
        return result.ToString().Trim();
    }

    /// <summary>Text shown on several lines (a mail body): its line breaks and tabs stay; direction overrides and other control characters go.</summary>
    public static string CleanLines(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(c => TextRules.IsBidiControl(c) || (char.IsControl(c) && c is not '\r' and not '\n' and not '\t'))) return text;
        return string.Concat(text.Where(c => !TextRules.IsBidiControl(c) && (!char.IsControl(c) || c is '\r' or '\n' or '\t')));
    }
}

/// <summary>Model validation for <see cref="SingleLineText"/>: a field message in the reader's language.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public SingleLineAttribute() => ErrorMessage = "{0}: sin saltos de línea ni caracteres invisibles que cambien el sentido de la escritura.";

    public override bool IsValid(object? value) => value is not string text || SingleLineText.IsSafe(text);
}

/// <summary>Model validation for <see cref="MultiLineText"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SafeMultiLineAttribute : ValidationAttribute
{
    public SafeMultiLineAttribute() => ErrorMessage = "{0}: sin caracteres invisibles que cambien el sentido de la escritura.";

    public override bool IsValid(object? value) => value is not string text || MultiLineText.IsSafe(text);
}
