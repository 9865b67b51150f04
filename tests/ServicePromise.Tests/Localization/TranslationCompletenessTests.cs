using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web;

namespace ServicePromise.Tests.Localization;

/// <summary>
/// The UI strings are keyed by their Spanish text, so a missing English entry fails silently: the English page
/// just shows Spanish. These tests read the source the way the localizer will see it and compare it with
/// Resources/SharedResource.en.resx: every key used has an English text, no English text is left unused, and
/// the {0}, {1}… placeholders agree.
/// </summary>
public class TranslationCompletenessTests
{
    static readonly Lazy<SourceScan> Source = new(() => SourceScan.Of(Path.Combine(Repo.Root, "src", "ServicePromise.Web")));
    static readonly Lazy<Resx> English = new(() => Resx.Load(Path.Combine(Repo.Root, "src", "ServicePromise.Web", "Resources", "SharedResource.en.resx")));

    [Fact]
    public void Every_localised_string_has_an_english_translation()
    {
        var missing = Source.Value.Usages
            .Where(u => !English.Value.Entries.TryGetValue(u.Key, out var value) || string.IsNullOrWhiteSpace(value))
            .GroupBy(u => u.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"  {Show(g.Key)}  ({string.Join(", ", g.Select(u => u.Where).Distinct())})")
            .ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} localised string(s) have no English text in SharedResource.en.resx:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void No_english_text_is_left_unused()
    {
        var used = Source.Value.Usages.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var stale = English.Value.Entries.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).Select(k => "  " + Show(k)).ToList();
        Assert.True(stale.Count == 0,
            $"{stale.Count} entr(y/ies) in SharedResource.en.resx match no string in the code (changed or removed Spanish text?):\n{string.Join("\n", stale)}");
        Assert.True(English.Value.Duplicates.Count == 0,
            $"SharedResource.en.resx names these keys more than once:\n{string.Join("\n", English.Value.Duplicates.Select(k => "  " + Show(k)))}");
    }

    [Fact]
    public void Placeholders_in_each_english_text_match_its_key()
    {
        var wrong = new List<string>();
        foreach (var (key, value) in English.Value.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var expected = Placeholders(key);
            var actual = Placeholders(value);
            if (!expected.SetEquals(actual))
                wrong.Add($"  {Show(key)}\n    key has {{{string.Join("}, {", expected.Order())}}}, English has {{{string.Join("}, {", actual.Order())}}}");
            else if (expected.Count > 0 && !Formats(value, expected.Max() + 1))
                wrong.Add($"  {Show(key)}\n    English text is not a valid format string: {Show(value)}");
        }
        Assert.True(wrong.Count == 0, $"Placeholders differ between key and English text:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Every_localizer_call_uses_a_literal_key()
    {
        // A key built at run time (a variable, $"…", "a" + b) cannot be checked here, and cannot be found by the translator either.
        var calls = Source.Value.NonLiteral.Select(n => "  " + n).ToList();
        Assert.True(calls.Count == 0, $"Localizer calls whose key is not a plain string literal:\n{string.Join("\n", calls)}");
    }

    [Fact]
    public void The_english_texts_are_compiled_into_the_app()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var wrong = English.Value.Entries
                .Where(e => localizer[e.Key] is var s && (s.ResourceNotFound || s.Value != e.Value))
                .Select(e => "  " + Show(e.Key)).ToList();
            Assert.True(wrong.Count == 0, $"The localizer does not return the resx text for:\n{string.Join("\n", wrong)}");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.Equal("Mi promesa", localizer["Mi promesa"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_scan_sees_the_kinds_of_string_the_app_uses()
    {
        // Guards the scanner itself: if these stop being found, the tests above would pass vacuously.
        var keys = Source.Value.Usages.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Mi promesa", keys);                                   // @L["…"] in a view
        Assert.Contains("Página {0} de {1}", keys);                            // L["…", args]
        Assert.Contains(keys, k => k.StartsWith("Hola, {0}:\n\n", StringComparison.Ordinal)); // \n escapes
        Assert.Contains("Correo electrónico", keys);                           // [Display(Name = …)]
        Assert.Contains("Las dos contraseñas no coinciden.", keys);            // ErrorMessage = …
        Assert.Contains("No se ha podido completar la operación.", keys);      // Identity errors
        Assert.DoesNotContain(keys, k => k.StartsWith("Mail:", StringComparison.Ordinal)); // options validation is not localised
    }

    [Theory]
    [InlineData("""<p>@L["Hola"]</p>""", "Hola")]
    [InlineData("""aria-label="@L["Filtros"]" """, "Filtros")]
    [InlineData("""L[ "Página {0} de {1}" , a, b]""", "Página {0} de {1}")]
    [InlineData("""L["Línea\nOtra\t\"citada\" \\ \u00e9\x41"].Value""", "Línea\nOtra\t\"citada\" \\ éA")]
    [InlineData("""L[@"Dice ""hola"" \n"]""", "Dice \"hola\" \\n")]
    [InlineData("L[\"\"\"Di \"hola\".\"\"\"]", "Di \"hola\".")]
    [InlineData("L[\n    \"\"\"\n    Dos\n      líneas\n    \"\"\"]", "Dos\n  líneas")]
    [InlineData("L[\"Con\" +\n  ... no", null)]
    [InlineData("""ViewData["Title"] = x; Model.Items["k"];""", null)]
    [InlineData("""[Required(ErrorMessage = "Escribe algo.")]""", "Escribe algo.")]
    [InlineData("""[Required, StringLength(9, ErrorMessage = "Entre {2} y {1}.")]""", "Entre {2} y {1}.")]
    [InlineData("""[Display(Name = "Nombre (completo)")]""", "Nombre (completo)")]
    [InlineData("""[property: Display(Order = 2, Prompt = "Tu nombre")]""", "Tu nombre")]
    [InlineData("""[Required, DisplayName("Apellidos")]""", "Apellidos")]
    [InlineData("""[BindProperty(SupportsGet = true, Name = "p")]""", null)]
    [InlineData("""AddOptions<MailOptions>(); class MailOptions { [Range(1, 9, ErrorMessage = "Mail:Port must be 1-9.")] public int Port { get; set; } }""", null)]
    [InlineData("""// L["Comentado"]""", null)]
    [InlineData("""@* @L["Comentado"] *@""", null)]
    public void The_scanner_reads_string_literals_as_the_compiler_does(string source, string? key)
    {
        var scan = SourceScan.Of([("Sample.cshtml", source)]);
        Assert.Equal(key is null ? Array.Empty<string>() : [key], scan.Usages.Select(u => u.Key).ToArray());
    }

    [Theory]
    [InlineData("""L[key]""")]
    [InlineData("""L[$"Hola {name}"]""")]
    [InlineData("""L["Hola " + name]""")]
    [InlineData("""L.GetString(message)""")]
    public void The_scanner_reports_keys_it_cannot_read(string source)
    {
        Assert.Single(SourceScan.Of([("Sample.cs", source)]).NonLiteral);
    }

    static HashSet<int> Placeholders(string format)
    {
        var text = format.Replace("{{", "").Replace("}}", "");
        return Regex.Matches(text, @"\{\s*(\d+)\s*(?:,\s*-?\d+\s*)?(?::[^{}]*)?\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
    }

    static bool Formats(string format, int args)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, format, Enumerable.Repeat<object?>("x", args).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A key as it would be written in C#, so newlines and tabs are visible in a failure message.</summary>
    static string Show(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";

    sealed record Usage(string Key, string Where);

    /// <summary>The English resource file: its text entries, and any name that occurs twice.</summary>
    sealed record Resx(Dictionary<string, string> Entries, List<string> Duplicates)
    {
        public static Resx Load(string path)
        {
            Assert.True(File.Exists(path), "Missing " + path);
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            foreach (var data in XDocument.Load(path).Root!.Elements("data"))
            {
                // Only plain string entries; a typed entry (file, image) is not a UI string.
                var type = (string?)data.Attribute("type");
                if (type is not null && !type.StartsWith("System.String", StringComparison.Ordinal)) continue;
                var name = (string)data.Attribute("name")!;
                if (!entries.TryAdd(name, (string?)data.Element("value") ?? "")) duplicates.Add(name);
            }
            return new Resx(entries, duplicates);
        }
    }

    /// <summary>
    /// Finds the keys the app hands to SharedResource: <c>L["…"]</c> / <c>L["…", args]</c> / <c>L.GetString("…")</c> for every
    /// name an <c>IStringLocalizer&lt;SharedResource&gt;</c> goes by, and the data-annotation texts MVC localises through it
    /// (<c>ErrorMessage</c>, <c>[Display(Name/Prompt/Description)]</c>, <c>[DisplayName]</c>) outside options classes,
    /// which are validated at start-up and never localised. Keys are the literals' run-time values.
    /// </summary>
    sealed class SourceScan
    {
        // C# string literals: raw ("""…"""), verbatim (@"…"), regular ("…"). Interpolated ones ($"…") are deliberately not literals.
        const string Literal = "(?<lit>(?<raw>\"{3,})[\\s\\S]*?\\k<raw>(?!\")|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\r\\n]|\\\\.)*\")";

        static readonly Regex LocalizerDeclaration = new(
            @"\bI(?:String|Html)Localizer\s*<\s*(?:global::)?(?:\w+\s*\.\s*)*SharedResource\s*>\s+@?(?<name>\w+)", RegexOptions.Compiled);
        static readonly Regex OptionsType = new(
            @"\b(?:AddOptions|Configure|BindConfiguration|IOptions|IOptionsSnapshot|IOptionsMonitor)\s*<\s*(?:global::)?(?:\w+\s*\.\s*)*(?<name>\w+)\s*>", RegexOptions.Compiled);
        static readonly Regex TypeDeclaration = new(@"\b(?:class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Compiled);
        static readonly Regex ErrorMessageArgument = new(@"(?<![\w.])ErrorMessage\s*=(?!=)\s*" + Literal, RegexOptions.Compiled);
        static readonly Regex DisplayNameCall = new(
            @"(?<=[\[,]\s*(?:\w+\s*:\s*)?)(?:\w+\.)*DisplayName(?:Attribute)?\s*\(\s*" + Literal, RegexOptions.Compiled);
        static readonly Regex DisplayCall = new(@"(?<=[\[,]\s*(?:\w+\s*:\s*)?)(?:\w+\.)*Display(?:Attribute)?\s*\(", RegexOptions.Compiled);
        static readonly Regex NamedArgument = new(@"\G\s*(?<arg>\w+)\s*=\s*(?:" + Literal + @"|[^,)""]*)\s*(?<end>[,)])", RegexOptions.Compiled);
        static readonly string[] LocalisedDisplayArguments = ["Name", "Prompt", "Description"];

        public List<Usage> Usages { get; } = [];
        public List<string> NonLiteral { get; } = [];

        public static SourceScan Of(string folder)
        {
            var files = new[] { "*.cs", "*.cshtml", "*.razor" }
                .SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                    .Any(part => part is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToList();
            Assert.NotEmpty(files);
            var scan = Of(files);
            scan.AddReflectedAnnotations(OptionsTypes(files));
            return scan;
        }

        public static SourceScan Of(IReadOnlyList<(string Path, string Text)> files)
        {
            var names = files.SelectMany(f => LocalizerDeclaration.Matches(f.Text)).Select(m => m.Groups["name"].Value)
                .Append("L").ToHashSet(StringComparer.Ordinal);
            var call = new Regex(
                $@"(?<![\w$])(?:{string.Join("|", names.Select(Regex.Escape))})\s*(?:\[|\.\s*GetString\s*\()\s*(?:{Literal}\s*(?=[,\])]))?",
                RegexOptions.Compiled);
            var options = OptionsTypes(files);
            var scan = new SourceScan();
            foreach (var (path, original) in files)
            {
                var text = WithoutComments(original);
                string Where(int index) => $"{path}:{original.AsSpan(0, index).Count('\n') + 1}";

                foreach (Match m in call.Matches(text))
                {
                    if (m.Groups["lit"].Success) scan.Usages.Add(new Usage(Unescape(m.Groups["lit"].Value), Where(m.Index)));
                    else scan.NonLiteral.Add($"{Where(m.Index)}: {text[m.Index..].Split('\n')[0].Trim()}");
                }

                bool InOptions(int index) =>
                    TypeDeclaration.Matches(text[..index]).LastOrDefault() is { } type && options.Contains(type.Groups["name"].Value);

                foreach (Match m in ErrorMessageArgument.Matches(text))
                    if (!InOptions(m.Index)) scan.Usages.Add(new Usage(Unescape(m.Groups["lit"].Value), Where(m.Index)));
                foreach (Match m in DisplayNameCall.Matches(text))
                    if (!InOptions(m.Index)) scan.Usages.Add(new Usage(Unescape(m.Groups["lit"].Value), Where(m.Index)));
                foreach (Match m in DisplayCall.Matches(text))
                {
                    if (InOptions(m.Index)) continue;
                    for (var at = m.Index + m.Length; NamedArgument.Match(text, at) is { Success: true } arg; at = arg.Index + arg.Length)
                    {
                        if (arg.Groups["lit"].Success && LocalisedDisplayArguments.Contains(arg.Groups["arg"].Value))
                            scan.Usages.Add(new Usage(Unescape(arg.Groups["lit"].Value), Where(arg.Index)));
                        if (arg.Groups["end"].Value == ")") break;
                    }
                }
            }
            return scan;
        }

        /// <summary>
        /// Belt and braces for data annotations: whatever the compiled app carries (including texts the regexes cannot see,
        /// such as constants) also needs an English text.
        /// </summary>
        void AddReflectedAnnotations(HashSet<string> optionsTypes)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var type in typeof(SharedResource).Assembly.GetTypes())
            {
                if (optionsTypes.Contains(type.Name)) continue;
                var targets = new List<ICustomAttributeProvider>();
                targets.AddRange(type.GetProperties(all));
                targets.AddRange(type.GetFields(all));
                targets.AddRange(type.GetMethods(all).SelectMany(m => m.GetParameters()));
                targets.AddRange(type.GetConstructors(all).SelectMany(c => c.GetParameters()));
                foreach (var attribute in targets.SelectMany(t => t.GetCustomAttributes(inherit: false)))
                {
                    var where = $"{type.FullName} [{attribute.GetType().Name}]";
                    switch (attribute)
                    {
                        case ValidationAttribute { ErrorMessage: { } message, ErrorMessageResourceType: null }:
                            Usages.Add(new Usage(message, where));
                            break;
                        case System.ComponentModel.DataAnnotations.DisplayAttribute { ResourceType: null } display:
                            foreach (var text in new[] { display.Name, display.Prompt, display.Description })
                                if (text is not null) Usages.Add(new Usage(text, where));
                            break;
                        case System.ComponentModel.DisplayNameAttribute { DisplayName: { Length: > 0 } name }:
                            Usages.Add(new Usage(name, where));
                            break;
                    }
                }
            }
        }

        static HashSet<string> OptionsTypes(IEnumerable<(string Path, string Text)> files) =>
            files.SelectMany(f => OptionsType.Matches(f.Text)).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        /// <summary>Blanks out whole-line // comments and Razor @* … *@ comments, keeping every offset and line number.</summary>
        static string WithoutComments(string text)
        {
            static string Blank(Match m) => Regex.Replace(m.Value, @"[^\n]", " ");
            text = Regex.Replace(text, @"@\*[\s\S]*?\*@", Blank);
            return Regex.Replace(text, @"^[ \t]*//.*$", Blank, RegexOptions.Multiline);
        }

        /// <summary>The run-time value of a C# string literal.</summary>
        public static string Unescape(string literal)
        {
            if (literal.StartsWith('@')) return literal[2..^1].Replace("\"\"", "\"");
            if (literal.StartsWith("\"\"\"", StringComparison.Ordinal)) return RawValue(literal);

            var body = literal[1..^1];
            var sb = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] != '\\') { sb.Append(body[i]); continue; }
                var c = body[++i];
                switch (c)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case '0': sb.Append('\0'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'e': sb.Append('\u001b'); break;
                    case 'u': sb.Append((char)Convert.ToInt32(body.Substring(i + 1, 4), 16)); i += 4; break;
                    case 'U': sb.Append(char.ConvertFromUtf32(Convert.ToInt32(body.Substring(i + 1, 8), 16))); i += 8; break;
                    case 'x':
                        var hex = Regex.Match(body[(i + 1)..], "^[0-9a-fA-F]{1,4}").Value;
                        sb.Append((char)Convert.ToInt32(hex, 16));
                        i += hex.Length;
                        break;
                    default: sb.Append(c); break; // \" \' \\
                }
            }
            return sb.ToString();
        }

        /// <summary>A raw string literal's value: single-line as written; multi-line without its first and last lines and the closing indentation.</summary>
        static string RawValue(string literal)
        {
            var quotes = literal.TakeWhile(c => c == '"').Count();
            var body = literal[quotes..^quotes].Replace("\r\n", "\n");
            if (!body.Contains('\n')) return body;
            var lines = body.Split('\n');
            var indent = lines[^1];
            return string.Join("\n", lines[1..^1].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart()));
        }
    }
}
