using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// Certificate codes: 20 symbols of the <see cref="GroupedCode"/> alphabet (about 98 random bits), printed as five
/// groups of four, so a code can be read aloud or typed from paper without guessing.
/// </summary>
public static class VerificationCode
{
    static readonly GroupedCode Code = new(Length, maxInput: 64);

    public const string Alphabet = GroupedCode.Alphabet;
    public const int Length = 20;
    public const int GroupSize = GroupedCode.GroupSize;

    /// <summary>Bits of randomness in one code.</summary>
    public static double EntropyBits => Code.EntropyBits;

    public static string NewCode() => Code.NewCode();

    /// <summary>Puts a bare code into groups: ABCD-EFGH-...</summary>
    public static string Format(string bare) => GroupedCode.Format(bare);

    /// <summary>
    /// Accepts what a person types — any case, spaces or hyphens anywhere — and returns the canonical
    /// grouped form, or null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? input) => Code.Normalize(input);
}
