using System.Security.Cryptography;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// Certificate codes: 20 symbols from a 30-symbol alphabet (about 98 random bits), printed as five groups
/// of four. The alphabet leaves out 0/O, 1/I/L and U so a code can be read aloud or typed from paper
/// without guessing.
/// </summary>
public static class VerificationCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 20;
    public const int GroupSize = 4;

    /// <summary>Bits of randomness in one code.</summary>
    public static double EntropyBits => Length * Math.Log2(Alphabet.Length);

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[Length];
        Span<byte> buffer = stackalloc byte[1];
        // Rejection sampling keeps every symbol equally likely: only bytes below 240 (8 × 30) are used.
        var limit = 256 - 256 % Alphabet.Length;
        for (var i = 0; i < Length;)
        {
            RandomNumberGenerator.Fill(buffer);
            if (buffer[0] >= limit) continue;
            chars[i++] = Alphabet[buffer[0] % Alphabet.Length];
        }
        return Format(new string(chars));
    }

    /// <summary>Puts a bare code into groups: ABCD-EFGH-...</summary>
    public static string Format(string bare) =>
        string.Join('-', Enumerable.Range(0, bare.Length / GroupSize).Select(i => bare.Substring(i * GroupSize, GroupSize)));

    /// <summary>
    /// Accepts what a person types — any case, spaces or hyphens anywhere — and returns the canonical
    /// grouped form, or null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64) return null;
        Span<char> bare = stackalloc char[Length];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\t') continue;
            var upper = char.ToUpperInvariant(c);
            if (Alphabet.IndexOf(upper) < 0 || n == Length) return null;
            bare[n++] = upper;
        }
        return n == Length ? Format(new string(bare)) : null;
    }
}
