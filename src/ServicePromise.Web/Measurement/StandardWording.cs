namespace ServicePromise.Web.Measurement;

/// <summary>How a standard's wording reads when a sentence quotes it.</summary>
public static class StandardWording
{
    /// <summary>
    /// The wording without its closing full stop: the content writes each standard as a sentence ("… antes de que le
    /// respondamos."), and quoted mid-sentence that stop would read «… respondamos.»; — the sentence's own punctuation follows the quote.
    /// </summary>
    public static string InSentence(string wording) => wording.TrimEnd().TrimEnd('.').TrimEnd();
}
