using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Chokepoint.Persistence;
using Chokepoint.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Auth;

/// <summary>Caches keys that were found valid, by the hash of their secret, so a request needs no database read.</summary>
/// <remarks>Entries live for a minute, so a revoked key stops working within a minute. Thread-safe.</remarks>
public sealed class ApiKeyCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

    /// <summary>Returns a cached key, or null.</summary>
    public ApiKey? Find(string hash) => _keys.TryGetValue(hash, out var e) && e.Until > time.GetUtcNow() ? e.Key : null;

    /// <summary>Caches a key.</summary>
    public void Add(string hash, ApiKey key) => _keys[hash] = (key, time.GetUtcNow() + Lifetime);
}

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim that carries the key id.</summary>
    public const string KeyIdClaim = "chokepoint:key-id";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length == 0)
        {
            return AuthenticateResult.Fail("The bearer key is empty.");
        }

        var hash = AccessStore.HashSecret(secret);
        var key = cache.Find(hash);
        if (key is null)
        {
            var store = Context.RequestServices.GetRequiredService<AccessStore>();
            key = await store.FindKeyAsync(secret, Context.RequestAborted);
            if (key is null)
            {
                // Only a short prefix is logged: enough to recognise a misconfigured client, useless to an attacker.
                Log.UnknownKey(Logger, secret.Length > 8 ? secret[..8] : "(short)");
                return AuthenticateResult.Fail("The API key is not valid.");
            }

            cache.Add(hash, key);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim(KeyIdClaim, key.Id.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
