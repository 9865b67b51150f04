using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Infrastructure;

public class SingleLineTextTests
{
    [Theory]
    [InlineData("Lucía Romero Sánchez")]
    [InlineData("Ana-Belén O'Neill")]
    [InlineData("محمد علي")] // right-to-left script itself is fine; only the override characters are not
    [InlineData("")]
    public void Ordinary_names_in_any_script_are_clean(string value) => Assert.True(SingleLineText.IsSafe(value));

    [Theory]
    [InlineData("Ana\nRuiz")]
    [InlineData("Ana\rRuiz")]
    [InlineData("Ana\tRuiz")]
    [InlineData("Ana\u0000")]
    [InlineData("Ana\u0085")] // next line, a C1 control
    [InlineData("\u202Ezeniug")] // right-to-left override: "guinez" shown backwards
    [InlineData("a\u202Ab")]
    [InlineData("a\u202Cb")]
    [InlineData("a\u2066b")]
    [InlineData("a\u2069b")]
    [InlineData("a\u2028b")] // line separator
    [InlineData("a\u2029b")] // paragraph separator
    public void Line_breaks_controls_and_bidirectional_overrides_are_not(string value) => Assert.False(SingleLineText.IsSafe(value));
}
