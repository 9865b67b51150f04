using System.Security.Cryptography;
using System.Text;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Letters;

/// <summary>
/// The one-time code printed on a welcome letter: 12 symbols of the <see cref="GroupedCode"/> alphabet (no 0/O, 1/I/L
/// or U, so nothing on paper can be misread), about 59 random bits, printed as three groups of four
/// ("K7QM-4XPD-9HTR"). Typed on a phone in any case, with or without spaces or hyphens. Only its keyed hash is stored.
/// </summary>
public static class LetterCodes
{
    static readonly GroupedCode Code = new(Length, maxInput: 40);

    public const string Alphabet = GroupedCode.Alphabet;
    public const int Length = 12;
    public const int GroupSize = GroupedCode.GroupSize;

    /// <summary>Bits of randomness in one code.</summary>
    public static double EntropyBits => Code.EntropyBits;

    public static string NewCode() => Code.NewCode();

    /// <summary>A bare code in groups: ABCD-EFGH-JKMN.</summary>
    public static string Format(string bare) => GroupedCode.Format(bare);

    /// <summary>
    /// What a person typed — any case, spaces, hyphens or dots anywhere — in the canonical grouped form, or null when it
    /// cannot be a code (a symbol outside the alphabet, too few or too many).
    /// </summary>
    public static string? Normalize(string? input) => Code.Normalize(input);

    /// <summary>
    /// What is stored: the HMAC-SHA256 of the canonical form under <paramref name="key"/> (<see cref="LetterOptions.CodeKey"/>),
    /// in hex. 59 random bits, a 14-day life and the throttle keep codes unguessable online; the key, kept outside the
    /// database, means a copy of the database alone cannot test codes offline. No salt: a code is looked up by its hash.
    /// </summary>
    public static string Hash(string canonical, ReadOnlySpan<byte> key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(canonical)));
}
