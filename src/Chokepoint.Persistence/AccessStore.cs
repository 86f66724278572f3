using System.Security.Cryptography;
using System.Text;
using Chokepoint.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Persistence;

/// <summary>A key as created: the secret is shown once and never stored.</summary>
/// <param name="Key">The stored key (hash only).</param>
/// <param name="Secret">The secret to hand to the client system.</param>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>Manages people and API keys: passwords with ASP.NET Core Identity's hasher, keys as SHA-256.</summary>
/// <remarks>One instance per unit of work, with its context; not thread-safe.</remarks>
/// <param name="db">The context.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class AccessStore(ChokepointDbContext db, AuditLog audit, TimeProvider time)
{
    private const string KeyPrefix = "cpk_";
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>Creates a user; returns null with an error message when the name is taken or a field is bad.</summary>
    public async Task<(UserAccount? User, string? Error)> AddUserAsync(string name, string role, string password, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return (null, "The name must be 1-200 characters.");
        }

        if (!Roles.IsRole(role))
        {
            return (null, $"'{role}' is not a role; use one of {string.Join(", ", Roles.All)}.");
        }

        if (password.Length < 12)
        {
            return (null, "The password must have at least 12 characters.");
        }

        name = name.Trim();
        if (await db.Users.AnyAsync(u => u.Name == name, cancellationToken))
        {
            return (null, $"A user named '{name}' already exists.");
        }

        var user = new UserAccount { Id = Guid.NewGuid(), Name = name, Role = role, CreatedAt = time.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await audit.CommitAsync(db, [new AuditEntry(actor, "user.add", name, CaseJson.Serialize(new { role }))], cancellationToken);
        return (user, null);
    }

    /// <summary>Returns the user when the name and password match, else null.</summary>
    public async Task<UserAccount?> VerifyPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var check = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return check == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Gets whether any user exists.</summary>
    public Task<bool> AnyUserAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    /// <summary>Creates an API key for a role.</summary>
    public async Task<CreatedApiKey> CreateKeyAsync(string role, string name, string actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsRole(role))
        {
            throw new ArgumentException($"'{role}' is not a role; use one of {string.Join(", ", Roles.All)}.", nameof(role));
        }

        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = string.IsNullOrWhiteSpace(name) ? role + "-" + secret[KeyPrefix.Length..(KeyPrefix.Length + 6)] : name.Trim(),
            Prefix = secret[..10],
            SecretHash = HashSecret(secret),
            Role = role,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await audit.CommitAsync(db, [new AuditEntry(actor, "key.create", key.Name, CaseJson.Serialize(new { role, prefix = key.Prefix }))], cancellationToken);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>Finds the valid key with this secret, or null.</summary>
    public Task<ApiKey?> FindKeyAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = HashSecret(secret);
        return db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, cancellationToken);
    }

    /// <summary>Returns the lower-case hex SHA-256 of a key secret.</summary>
    public static string HashSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Generates a password of 20 URL-safe characters.</summary>
    public static string GeneratePassword() => Base64Url(RandomNumberGenerator.GetBytes(15));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
