using System.ComponentModel.DataAnnotations;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Infrastructure;

public class TextRulesTests
{
    [Theory]
    [InlineData("Ana Gómez")]
    [InlineData("Jean-Luc O'Neill")]
    [InlineData("محمد علي")]          // right-to-left script itself is fine; only the invisible overrides are not
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_names_are_a_single_line(string? name)
    {
        Assert.True(SingleLineText.IsSafe(name));
        Assert.Null(SingleLineText.Problem(name));
    }

    [Theory]
    [InlineData("Ana\r\nBcc: todos@empresa.es")]
    [InlineData("Ana\nGómez")]
    [InlineData("Ana\rGómez")]
    [InlineData("Ana\u2028Gómez")]
    [InlineData("Ana\u0085Gómez")]
    public void Line_breaks_are_refused_in_a_single_line(string name)
    {
        var problem = SingleLineText.Problem(name);
        Assert.NotNull(problem);
        Assert.Contains("line break", problem.ToString());
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Direction_overrides_and_isolates_are_refused_everywhere(char control)
    {
        var name = "Ana " + control + "zemóG";
        Assert.Contains("direction", SingleLineText.Problem(name)!.ToString());
        Assert.Contains("direction", MultiLineText.Problem("Una línea\n" + name)!.ToString());
    }

    [Fact]
    public void Other_control_characters_are_refused()
    {
        Assert.NotNull(SingleLineText.Problem("Ana\u0000Gómez"));
        Assert.NotNull(SingleLineText.Problem("Ana\tGómez"));
        Assert.NotNull(MultiLineText.Problem("Ana\u001bGómez"));
    }

    [Fact]
    public void A_comment_keeps_its_line_breaks_and_tabs()
    {
        Assert.True(MultiLineText.IsSafe("Primero:\r\n\tescuchar.\nDespués: responder."));
    }

    [Theory]
    [InlineData("Ana Gómez", "Ana Gómez")]
    [InlineData("Ana\r\nGómez", "Ana Gómez")]
    [InlineData("Ana\u202EzemóG", "AnazemóG")]
    [InlineData("\u2067Ana\u2069 Gómez", "Ana Gómez")]
    [InlineData("Ana\n\nBcc: x@y.es\u0000", "Ana Bcc: x@y.es")]
    [InlineData(null, "")]
    public void Display_text_is_one_line_in_logical_order(string? stored, string shown)
    {
        Assert.Equal(shown, DisplayText.Clean(stored));
    }

    [Fact]
    public void Display_lines_keep_their_breaks_and_lose_direction_overrides()
    {
        Assert.Equal("Hola, Ana:\r\n\n\tzemóG", DisplayText.CleanLines("Hola, \u202BAna:\r\n\n\t\u202EzemóG\u0000"));
    }

    [Fact]
    public void Display_text_returns_clean_text_unchanged()
    {
        const string name = "Ana Gómez";
        Assert.Same(name, DisplayText.Clean(name));
    }

    sealed class Form
    {
        [SingleLine, Display(Name = "Nombre completo")] public string? Name { get; set; }
        [SafeMultiLine, Display(Name = "Comentario")] public string? Comment { get; set; }
    }

    [Fact]
    public void The_attributes_apply_the_same_rules_to_a_form()
    {
        static bool Valid(Form form) => Validator.TryValidateObject(form, new ValidationContext(form), null, validateAllProperties: true);
        Assert.True(Valid(new Form { Name = "Ana Gómez", Comment = "Bien.\nSigue así." }));
        Assert.False(Valid(new Form { Name = "Ana\r\nGómez" }));
        Assert.False(Valid(new Form { Name = "Ana\u202EzemóG" }));
        Assert.False(Valid(new Form { Comment = "Bien\u202E." }));
    }
}
