using System.Security.Cryptography;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// A random code people read from paper and type on a phone: <see cref="Length"/> symbols from a 30-symbol alphabet
/// that leaves out 0/O, 1/I/L and U (nothing can be misread or read aloud two ways), printed in groups of four
/// ("K7QM-4XPD-9HTR"), typed back in any case with or without spaces, hyphens or dots. Certificate codes and
/// welcome-letter codes are two lengths of it.
/// </summary>
public sealed class GroupedCode(int length, int maxInput)
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int GroupSize = 4;

    public int Length { get; } = length;

    /// <summary>Bits of randomness in one code.</summary>
    public double EntropyBits => Length * Math.Log2(Alphabet.Length);

    public string NewCode()
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

    /// <summary>A bare code in groups: ABCD-EFGH-…</summary>
    public static string Format(string bare) =>
        string.Join('-', Enumerable.Range(0, bare.Length / GroupSize).Select(i => bare.Substring(i * GroupSize, GroupSize)));

    /// <summary>
    /// What a person typed — any case, spaces, hyphens or dots anywhere — in the canonical grouped form, or null when it
    /// cannot be a code (a symbol outside the alphabet, too few or too many, or more than the input limit).
    /// </summary>
    public string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > maxInput) return null;
        Span<char> bare = stackalloc char[Length];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\t' or '.' or '\u2010' or '\u2011' or '\u2013' or '\u00A0') continue;
            var upper = char.ToUpperInvariant(c);
            if (Alphabet.IndexOf(upper, StringComparison.Ordinal) < 0 || n == Length) return null;
            bare[n++] = upper;
        }
        return n == Length ? Format(new string(bare)) : null;
    }
}
