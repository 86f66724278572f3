using Chokepoint.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chokepoint.Server.Auth;

/// <summary>The authorisation policies: which roles may do what.</summary>
/// <remarks>
/// Separation of duties: client keys screen only; analysts decide; supervisors approve; admins manage accounts and
/// keys. Each policy lists exactly the roles it admits; the integration tests hold a table of endpoint × role.
/// </remarks>
public static class Policies
{
    /// <summary>Screen parties and shipments; read list status, entities and diffs.</summary>
    public const string Screen = "screen";

    /// <summary>Read alerts and cases.</summary>
    public const string ReadCases = "cases.read";

    /// <summary>Decide a case.</summary>
    public const string Decide = "cases.decide";

    /// <summary>Approve or send back a decision.</summary>
    public const string Approve = "cases.approve";

    /// <summary>Read and change the monitoring register; start re-screens.</summary>
    public const string Register = "register";

    /// <summary>Export and verify the audit log.</summary>
    public const string Audit = "audit";

    /// <summary>Manage people and keys.</summary>
    public const string Admin = "admin";

    /// <summary>The authentication scheme that picks the API key or the cookie for each request.</summary>
    public const string SelectorScheme = "Chokepoint";

    /// <summary>Registers authentication (API keys, cookies) and the policies.</summary>
    public static IServiceCollection AddChokepointAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
        services.AddAuthorizationBuilder()
            .AddPolicy(Screen, p => p.RequireRole(Roles.Screening, Roles.Analyst, Roles.Supervisor))
            .AddPolicy(ReadCases, p => p.RequireRole(Roles.Analyst, Roles.Supervisor))
            .AddPolicy(Decide, p => p.RequireRole(Roles.Analyst, Roles.Supervisor))
            .AddPolicy(Approve, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Register, p => p.RequireRole(Roles.Analyst, Roles.Supervisor))
            .AddPolicy(Audit, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiKeyAuthenticationHandler.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "chokepoint.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;

        // The API answers with status codes; the web UI can redirect its own pages to a sign-in page.
        o.Events.OnRedirectToLogin = c => WriteStatus(c.Response, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = c => WriteStatus(c.Response, StatusCodes.Status403Forbidden);
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
