using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// A table that becomes a stacked list on a narrow screen: write <c>&lt;table sp-stacked&gt;</c> with a normal
/// <c>&lt;thead&gt;</c> of column headers, and nothing else. Below 40rem (site.css, "Stacked tables") every row turns into
/// a card and every cell shows its column's name before its value, so nothing scrolls off a phone. Each cell gets
/// its column's name as <c>data-label</c> (taken from the header, unless the cell already has one: set it for a
/// column whose header is not text), and table, rows and cells get their ARIA roles, because a table whose parts
/// are restyled with <c>display: block</c> may otherwise lose its table semantics in some browsers: a screen reader
/// keeps reading "column, row header, value" (the visible label is hidden from it so it is not read twice).
/// </summary>
[HtmlTargetElement("table", Attributes = Attribute)]
public sealed class StackedTableTagHelper : TagHelper
{
    public const string Attribute = "sp-stacked";

    /// <summary>Runs before the table's rows and cells, which find this in their context.</summary>
    public override void Init(TagHelperContext context) => context.Items[typeof(StackedTableState)] = new StackedTableState();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        output.AddClass("stacked", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("role", "table");
    }
}

/// <summary>The column names read from the header, in order (a cell spanning two columns repeats its name).</summary>
sealed class StackedTableState
{
    public List<string> Columns { get; } = [];
}

/// <summary>Which column the next cell of a row is in.</summary>
sealed class StackedRowState
{
    public int Column { get; set; }
}

/// <summary>The parts of a <see cref="StackedTableTagHelper"/> table: roles, and each cell's column name. Elsewhere it does nothing.</summary>
[HtmlTargetElement("thead")]
[HtmlTargetElement("tbody")]
[HtmlTargetElement("tfoot")]
[HtmlTargetElement("tr")]
[HtmlTargetElement("th")]
[HtmlTargetElement("td")]
public sealed partial class StackedTablePartTagHelper : TagHelper
{
    static readonly object InHead = new();

    public override void Init(TagHelperContext context)
    {
        if (!context.Items.ContainsKey(typeof(StackedTableState))) return;
        // Children see what a part puts here; its siblings do not.
        if (context.TagName.Equals("thead", StringComparison.OrdinalIgnoreCase)) context.Items[InHead] = true;
        if (context.TagName.Equals("tr", StringComparison.OrdinalIgnoreCase)) context.Items[typeof(StackedRowState)] = new StackedRowState();
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(typeof(StackedTableState), out var found) || found is not StackedTableState table) return;
        var inHead = context.Items.ContainsKey(InHead);
        if (Is(output, "thead") || Is(output, "tbody") || Is(output, "tfoot"))
        {
            output.Attributes.SetAttribute("role", "rowgroup");
            return;
        }
        if (Is(output, "tr"))
        {
            output.Attributes.SetAttribute("role", "row");
            return;
        }

        var span = output.Attributes.TryGetAttribute("colspan", out var colspan) && int.TryParse(colspan.Value?.ToString(), out var n) && n > 1 ? n : 1;
        if (inHead)
        {
            output.Attributes.SetAttribute("role", "columnheader");
            var name = TextOf((await output.GetChildContentAsync()).GetContent());
            for (var i = 0; i < span; i++) table.Columns.Add(name);
            return;
        }

        var isRowHeader = Is(output, "th");
        output.Attributes.SetAttribute("role", isRowHeader ? "rowheader" : "cell");
        if (context.Items.TryGetValue(typeof(StackedRowState), out var r) && r is StackedRowState row)
        {
            if (!output.Attributes.ContainsName("data-label") && row.Column < table.Columns.Count && table.Columns[row.Column].Length > 0)
                output.Attributes.SetAttribute("data-label", table.Columns[row.Column]);
            row.Column += span;
        }
    }

    static bool Is(TagHelperOutput output, string tag) => output.TagName.Equals(tag, StringComparison.OrdinalIgnoreCase);

    /// <summary>A header's text without its markup, as a person reads it.</summary>
    static string TextOf(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
