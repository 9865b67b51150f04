using System.Text.RegularExpressions;
using ServicePromise.Web.Letters;

namespace ServicePromise.Tests.Letters;

public class LetterCodesTests
{
    [Fact]
    public void A_code_is_three_groups_of_four_unambiguous_symbols()
    {
        for (var i = 0; i < 1000; i++)
            Assert.Matches(new Regex("^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$"), LetterCodes.NewCode());
    }

    [Fact]
    public void The_alphabet_leaves_out_characters_people_confuse_on_paper()
    {
        foreach (var c in "01OILU") Assert.DoesNotContain(c, LetterCodes.Alphabet);
        Assert.Equal(LetterCodes.Alphabet.Length, LetterCodes.Alphabet.Distinct().Count());
    }

    [Fact]
    public void A_code_is_short_to_type_yet_carries_more_than_55_random_bits()
    {
        Assert.Equal(12, LetterCodes.Length);
        Assert.True(LetterCodes.EntropyBits > 55, $"only {LetterCodes.EntropyBits:F1} bits");
    }

    [Fact]
    public void Codes_do_not_repeat_and_use_every_symbol_evenly()
    {
        var codes = Enumerable.Range(0, 50_000).Select(_ => LetterCodes.NewCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var counts = codes.SelectMany(c => c.Replace("-", "")).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(LetterCodes.Alphabet.Length, counts.Count);
        var expected = 50_000 * 12.0 / LetterCodes.Alphabet.Length;
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.96, expected * 1.04));
    }

    [Theory]
    [InlineData("K7QM-4XPD-9HTR", "K7QM-4XPD-9HTR")]
    [InlineData("k7qm-4xpd-9htr", "K7QM-4XPD-9HTR")]   // a phone keyboard starts in lower case
    [InlineData("K7QM4XPD9HTR", "K7QM-4XPD-9HTR")]     // without the hyphens
    [InlineData(" k7qm 4xpd 9htr ", "K7QM-4XPD-9HTR")] // spaces where the hyphens were, and around
    [InlineData("K7QM‑4XPD–9HTR", "K7QM-4XPD-9HTR")]   // a phone's "smart" hyphen and dash
    [InlineData("K7QM.4XPD.9HTR", "K7QM-4XPD-9HTR")]
    public void What_a_person_types_is_read_as_the_printed_code(string typed, string canonical) =>
        Assert.Equal(canonical, LetterCodes.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("K7QM-4XPD-9HT")]       // one short
    [InlineData("K7QM-4XPD-9HTRA")]     // one long
    [InlineData("K7QM-4XPD-9HT0")]      // 0 is never printed
    [InlineData("K7QM-4XPD-9HTO")]      // nor O
    [InlineData("K7QM-4XPD-9HT1")]      // nor 1, I or L
    [InlineData("K7QM-4XPD-9HTÑ")]
    [InlineData("K7QM-4XPD-9HTR-K7QM-4XPD-9HTR-K7QM-4XPD")]
    public void Anything_else_is_not_a_code(string? typed) => Assert.Null(LetterCodes.Normalize(typed));

    static readonly byte[] Key = System.Text.Encoding.UTF8.GetBytes("a-secret-kept-outside-the-database-0123456789");

    [Fact]
    public void What_is_stored_is_a_hash_that_does_not_contain_the_code()
    {
        var code = LetterCodes.NewCode();
        var hash = LetterCodes.Hash(code, Key);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(code.Replace("-", ""), hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(hash, LetterCodes.Hash(LetterCodes.Normalize(code.ToLowerInvariant().Replace("-", " "))!, Key));
        Assert.NotEqual(hash, LetterCodes.Hash(LetterCodes.NewCode(), Key));
    }

    [Fact]
    public void The_hash_is_keyed_so_a_copy_of_the_database_alone_cannot_test_codes()
    {
        var code = LetterCodes.NewCode();
        var hash = LetterCodes.Hash(code, Key);
        // Not the plain SHA-256 anyone could compute from a guess…
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code))), hash);
        // …and another key (or none) gives another hash: without the key, a guess cannot be checked against the table.
        Assert.NotEqual(hash, LetterCodes.Hash(code, System.Text.Encoding.UTF8.GetBytes("another-secret-kept-elsewhere-9876543210")));
        Assert.NotEqual(hash, LetterCodes.Hash(code, []));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key, System.Text.Encoding.ASCII.GetBytes(code))), hash);
    }
}
