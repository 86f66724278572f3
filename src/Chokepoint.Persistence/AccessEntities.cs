namespace Chokepoint.Persistence;

/// <summary>The roles a person or an API key can hold.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class Roles
{
    /// <summary>Client systems (order system, ERP, bank) that screen parties and shipments.</summary>
    public const string Screening = "screening";

    /// <summary>People who review alerts and decide cases.</summary>
    public const string Analyst = "analyst";

    /// <summary>People who approve or send back analysts' decisions.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>People who manage accounts, keys and configuration, and export the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Gets every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Screening, Analyst, Supervisor, Admin];

    /// <summary>Gets whether the text names a role (exact, lower case).</summary>
    public static bool IsRole(string? role) => role is Screening or Analyst or Supervisor or Admin;
}

/// <summary>A person who signs in with a name and password.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class UserAccount
{
    /// <summary>Gets or sets the id.</summary>
    public Guid Id { get; set; }

    /// <summary>Gets or sets the sign-in name (unique).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the role.</summary>
    public string Role { get; set; } = "";

    /// <summary>Gets or sets the password hash (ASP.NET Core Identity format).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Gets or sets when the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An API key for a client system; only the SHA-256 of the secret is stored.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class ApiKey
{
    /// <summary>Gets or sets the id.</summary>
    public Guid Id { get; set; }

    /// <summary>Gets or sets a readable name for logs and the audit trail (never the secret).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the first characters of the key, to recognise it in a list.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Gets or sets the lower-case hex SHA-256 of the key.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>Gets or sets the role.</summary>
    public string Role { get; set; } = "";

    /// <summary>Gets or sets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets when the key was revoked, or null while it is valid.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
