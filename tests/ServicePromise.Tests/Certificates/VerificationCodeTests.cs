using System.Text.RegularExpressions;
using ServicePromise.Web.Certificates;

namespace ServicePromise.Tests.Certificates;

public class VerificationCodeTests
{
    [Fact]
    public void A_code_is_five_groups_of_four_unambiguous_symbols()
    {
        for (var i = 0; i < 1000; i++)
            Assert.Matches(new Regex("^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){4}$"), VerificationCode.NewCode());
    }

    [Fact]
    public void The_alphabet_leaves_out_characters_people_confuse()
    {
        foreach (var c in "01OIL U") Assert.DoesNotContain(c, VerificationCode.Alphabet);
        Assert.Equal(VerificationCode.Alphabet.Length, VerificationCode.Alphabet.Distinct().Count());
    }

    [Fact]
    public void A_code_carries_at_least_80_random_bits()
    {
        Assert.True(VerificationCode.EntropyBits >= 80, $"only {VerificationCode.EntropyBits:F1} bits");
    }

    [Fact]
    public void Codes_do_not_repeat_and_use_every_symbol_evenly()
    {
        var codes = Enumerable.Range(0, 100_000).Select(_ => VerificationCode.NewCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var counts = codes.SelectMany(c => c.Replace("-", "")).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(VerificationCode.Alphabet.Length, counts.Count);
        var expected = 100_000 * 20.0 / VerificationCode.Alphabet.Length;
        // Every symbol within 3% of its fair share: a biased modulo would skew the first symbols by ~7%.
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.97, expected * 1.03));
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs-tvwx", "ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData("ABCDEFGHJKMNPQRSTVWX", "ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData(" abcd efgh jkmn pqrs tvwx ", "ABCD-EFGH-JKMN-PQRS-TVWX")]
    public void What_people_type_is_normalised(string typed, string expected)
    {
        Assert.Equal(expected, VerificationCode.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-2345")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVW0")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWI")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    public void Anything_that_cannot_be_a_code_is_rejected(string? typed)
    {
        Assert.Null(VerificationCode.Normalize(typed));
    }
}
