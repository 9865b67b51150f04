using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Provisioning;

/// <summary>Settings of provisioning (section <c>Scim</c>).</summary>
public sealed class ScimOptions : IValidatableObject
{
    public const string Section = "Scim";

    /// <summary>Requests with a wrong or revoked token one client address may make per window; more answer 429.</summary>
    public RateLimit FailedAttemptsPerAddress { get; set; } = new() { Permits = 10, WindowSeconds = 300 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FailedAttemptsPerAddress.Permits is < 1 or > 1_000_000)
            yield return new ValidationResult($"{Section}:FailedAttemptsPerAddress:Permits must be between 1 and 1000000 (it is {FailedAttemptsPerAddress.Permits}).");
        if (FailedAttemptsPerAddress.WindowSeconds is < 1 or > 86_400)
            yield return new ValidationResult($"{Section}:FailedAttemptsPerAddress:WindowSeconds must be between 1 and 86400 (it is {FailedAttemptsPerAddress.WindowSeconds}).");
    }
}

/// <summary>Requests with a bad token, per client address (<see cref="ScimOptions.FailedAttemptsPerAddress"/>).</summary>
public sealed class ScimFailedAttempts(IOptions<ScimOptions> options) : FailedAttempts(() => options.Value.FailedAttemptsPerAddress);

/// <summary>
/// Bearer tokens for <c>/scim/v2</c>: made here, shown once, kept as a SHA-256 hash of their secret. A token reads
/// <c>spscim_{id}_{secret}</c>: the id finds the row, the secret's hash is compared in constant time.
/// </summary>
public sealed class ScimTokens(AppDbContext db, OrganisationClock clock)
{
    const string Prefix = "spscim_";

    public sealed record Made(ScimToken Token, string Text);

    public async Task<Made> CreateAsync(string name, string createdBy, CancellationToken ct)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ScimToken { Name = name.Trim(), SecretHash = SHA256.HashData(Encoding.ASCII.GetBytes(secret)), CreatedAt = clock.UtcNow, CreatedBy = createdBy };
        db.ScimTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new Made(token, Prefix + token.Id.ToString(CultureInfo.InvariantCulture) + "_" + secret);
    }

    /// <summary>The live token a request's bearer value is, or null. Its last use is written at most once a minute.</summary>
    public async Task<ScimToken?> CheckAsync(string? bearer, CancellationToken ct)
    {
        if (bearer is null || !bearer.StartsWith(Prefix, StringComparison.Ordinal) || bearer.Length > 200) return null;
        var rest = bearer[Prefix.Length..];
        var split = rest.IndexOf('_', StringComparison.Ordinal);
        if (split <= 0 || !int.TryParse(rest[..split], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(rest[(split + 1)..]));
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedAt == null, ct);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash)) return null;
        var now = clock.UtcNow;
        if (token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        db.Entry(token).State = EntityState.Detached;
        return token;
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedAt == null, ct);
        if (token is null) return false;
        token.RevokedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');
}
