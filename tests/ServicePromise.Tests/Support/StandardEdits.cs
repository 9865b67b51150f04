using System.Text.RegularExpressions;

namespace ServicePromise.Tests.Support;

/// <summary>Changes to the standards of a copied content folder (<see cref="Repo.CopyContent"/>), made the same in every language.</summary>
public static partial class StandardEdits
{
    static void EachLanguage(string content, string pillarFile, Func<string, string, string> edit)
    {
        foreach (var language in new[] { "es", "en" })
        {
            var path = Path.Combine(content, language, "pillars", pillarFile);
            var before = File.ReadAllText(path);
            var after = edit(language, before);
            Assert.NotEqual(before, after);
            File.WriteAllText(path, after);
        }
    }

    /// <summary>"Escucha sin interrumpir" (pillar 1) now needs 90 instead of 80.</summary>
    public static void RaiseListeningThreshold(string content) => EachLanguage(content, "01-listen.md",
        (_, text) => text.Replace("    threshold: 80\n  - key: resumen-antes-de-resolver", "    threshold: 90\n  - key: resumen-antes-de-resolver", StringComparison.Ordinal));

    public const string NewKey = "plazo-dicho-y-cumplido";
    public const string NewWording = "Cuando no sabemos algo, decimos cuándo lo sabremos y lo cumplimos.";
    public const string NewWordingEn = "When we don't know something, we say when we will and we keep to it.";

    /// <summary>A second standard for "Habla claro y di la verdad" (pillar 2), threshold 70.</summary>
    public static void AddTruthStandard(string content) => EachLanguage(content, "02-tell-the-truth.md", (language, text) => text.Replace(
        "    threshold: 80\ncheck:",
        $"    threshold: 80\n  - key: {NewKey}\n    wording: \"{(language == "es" ? NewWording : NewWordingEn)}\"\n    measured: \"{(language == "es" ? "Encuesta" : "Survey")}\"\n    threshold: 70\ncheck:",
        StringComparison.Ordinal));

    /// <summary>"Habla claro y di la verdad" (pillar 2) declares no standards at all.</summary>
    public static void RemoveTruthStandards(string content) => EachLanguage(content, "02-tell-the-truth.md", (_, text) => StandardsBlock().Replace(text, ""));

    [GeneratedRegex(@"^standards:\n(?:  .*\n)+", RegexOptions.Multiline)]
    private static partial Regex StandardsBlock();
}
