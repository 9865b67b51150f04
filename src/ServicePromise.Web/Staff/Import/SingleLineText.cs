namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// Text that must stay on one line and read as written: names, job titles, departments, sites. A line break in a name
/// broke every mail header it went into (a 500 on each nudge), and a bidirectional override (U+202E) reversed a holder's
/// name on the certificate and the public verification page. Plain rule, no ASP.NET.
/// </summary>
/// <remarks>The forms have the same rule in Infrastructure (issue 10, branch issue10-no500); the two are to be one.</remarks>
public static class SingleLineText
{
    /// <summary>
    /// False when <paramref name="value"/> holds a line break or any other control character (U+0000–U+001F,
    /// U+007F–U+009F) or the Unicode line and paragraph separators (U+2028, U+2029), or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    /// </summary>
    public static bool IsClean(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return false;
        return true;
    }
}
