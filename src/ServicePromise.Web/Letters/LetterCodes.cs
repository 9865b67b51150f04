using System.Security.Cryptography;
using System.Text;

namespace ServicePromise.Web.Letters;

/// <summary>
/// The one-time code printed on a welcome letter: 12 symbols from the certificates' 30-symbol alphabet (no 0/O, 1/I/L
/// or U, so nothing on paper can be misread), about 59 random bits, printed as three groups of four
/// ("K7QM-4XPD-9HTR"). Typed on a phone in any case, with or without spaces or hyphens. Only its hash is stored.
/// </summary>
public static class LetterCodes
{
    public const string Alphabet = Certificates.VerificationCode.Alphabet;
    public const int Length = 12;
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

    /// <summary>A bare code in groups: ABCD-EFGH-JKMN.</summary>
    public static string Format(string bare) =>
        string.Join('-', Enumerable.Range(0, bare.Length / GroupSize).Select(i => bare.Substring(i * GroupSize, GroupSize)));

    /// <summary>
    /// What a person typed — any case, spaces, hyphens or dots anywhere — in the canonical grouped form, or null when it
    /// cannot be a code (a symbol outside the alphabet, too few or too many).
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return null;
        Span<char> bare = stackalloc char[Length];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\t' or '.' or '\u2010' or '\u2011' or '\u2013' or '\u00A0') continue;
            var upper = char.ToUpperInvariant(c);
            if (Alphabet.IndexOf(upper) < 0 || n == Length) return null;
            bare[n++] = upper;
        }
        return n == Length ? Format(new string(bare)) : null;
    }

    /// <summary>What is stored: the SHA-256 of the canonical form, in hex. 59 random bits need no salt or slow hash to stay unguessable.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
}
