using ServicePromise.Web.Record;

namespace ServicePromise.Tests.Record;

public class TextWrapTests
{
    /// <summary>Every character one unit wide: a width of 10 holds 10 characters.</summary>
    static IReadOnlyList<string> Wrap(string text, double width = 10) => TextWrap.Lines(text, width, s => s.Length);

    [Fact]
    public void Breaks_at_spaces_and_keeps_every_word()
    {
        var lines = Wrap("uno dos tres cuatro cinco seis");
        Assert.Equal(["uno dos", "tres", "cuatro", "cinco seis"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 10));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_and_nothing_is_lost()
    {
        var lines = Wrap("ab https://example.com/a/very/long/path cd");
        Assert.Equal("ab https://example.com/a/very/long/path cd".Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
        Assert.All(lines, l => Assert.True(l.Length <= 10, l));
    }

    [Fact]
    public void The_writers_line_breaks_and_empty_lines_are_kept()
    {
        Assert.Equal(["uno", "", "dos"], Wrap("uno\r\n\r\ndos"));
        Assert.Equal([""], Wrap(""));
        Assert.Equal([""], Wrap(null!));
    }

    [Fact]
    public void Tabs_become_spaces_and_control_characters_are_left_out()
    {
        Assert.Equal(["a b c"], Wrap("a\tb\u0007 c\u0000"));
    }

    [Fact]
    public void Hostile_text_comes_out_character_for_character()
    {
        const string hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script> (\\) Tj ET";
        Assert.Equal(hostile, string.Join(" ", TextWrap.Lines(hostile, 1000, s => s.Length)));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        var lines = TextWrap.Lines("😀😀😀😀😀😀", 3, s => s.Length);
        Assert.All(lines, l => Assert.False(l.Length > 0 && char.IsLowSurrogate(l[0]), "a line starts inside a character"));
        Assert.Equal("😀😀😀😀😀😀", string.Concat(lines));
    }
}
