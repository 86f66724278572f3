using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chokepoint.Server.Endpoints;

/// <summary>A sign-in request.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record SignInRequest(string? Name, string? Password);

/// <summary>A request for a new API key.</summary>
/// <param name="Role">The key's role (usually screening).</param>
/// <param name="Name">A readable name for the client system.</param>
public sealed record KeyRequest(string? Role, string? Name);

/// <summary>A request for a new user; the password is generated and shown once.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Role">The role.</param>
public sealed record UserRequest(string? Name, string? Role);

/// <summary>Cookie sign-in for people, and account and key management for admins.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/sign-in", SignInAsync).WithName("SignIn").AllowAnonymous();
        auth.MapPost("/sign-out", SignOutAsync).WithName("SignOut").RequireAuthorization();
        auth.MapGet("/me", Me).WithName("Me").RequireAuthorization();
        var admin = app.MapGroup("/v1/admin").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        admin.MapPost("/keys", CreateKeyAsync).WithName("CreateKey").WithSummary("Creates an API key; the key is in the answer once and stored hashed.");
        admin.MapPost("/users", CreateUserAsync).WithName("CreateUser").WithSummary("Creates a user with a generated password, shown once.");
        return app;
    }

    /// <summary>Signs a person in with a cookie.</summary>
    public static async Task<IResult> SignInAsync(SignInRequest request, HttpContext context, AccessStore access, AuditLog audit, ChokepointDbContext db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Api.Field("name", "The name is required.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Api.Field("password", "The password is required.");
        }

        var user = await access.VerifyPasswordAsync(request.Name.Trim(), request.Password, cancellationToken);
        if (user is null)
        {
            Log.SignInFailed(loggers.CreateLogger(typeof(AccountEndpoints)), request.Name);
            await audit.AppendAsync(db, new AuditEntry(request.Name.Trim(), "sign-in.failed", request.Name.Trim()), cancellationToken);
            return Api.Problem(StatusCodes.Status401Unauthorized, "Sign-in failed.", "The name or password is wrong.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.AppendAsync(db, new AuditEntry(user.Name, "sign-in", user.Name, CaseJson.Serialize(new { role = user.Role })), cancellationToken);
        return TypedResults.Ok(new { name = user.Name, role = user.Role });
    }

    /// <summary>Signs out.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>Answers who is signed in.</summary>
    public static IResult Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new { name = Api.Actor(user), role = user.FindFirstValue(ClaimTypes.Role) });

    /// <summary>Creates an API key.</summary>
    public static async Task<IResult> CreateKeyAsync(KeyRequest request, ClaimsPrincipal user, AccessStore access, CancellationToken cancellationToken)
    {
        var role = request.Role ?? Roles.Screening;
        if (!Roles.IsRole(role))
        {
            return Api.Field("role", $"'{role}' is not a role; use one of {string.Join(", ", Roles.All)}.");
        }

        var created = await access.CreateKeyAsync(role, request.Name ?? "", Api.Actor(user), cancellationToken);
        return TypedResults.Ok(new { name = created.Key.Name, role, prefix = created.Key.Prefix, key = created.Secret });
    }

    /// <summary>Creates a user with a generated password.</summary>
    public static async Task<IResult> CreateUserAsync(UserRequest request, ClaimsPrincipal user, AccessStore access, CancellationToken cancellationToken)
    {
        var password = AccessStore.GeneratePassword();
        var (created, error) = await access.AddUserAsync(request.Name ?? "", request.Role ?? "", password, Api.Actor(user), cancellationToken);
        if (created is null)
        {
            return Api.Field(error!.Contains("role", StringComparison.Ordinal) ? "role" : "name", error);
        }

        return TypedResults.Ok(new { name = created.Name, role = created.Role, password });
    }
}
