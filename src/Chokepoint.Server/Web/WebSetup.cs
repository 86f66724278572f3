using System.Security.Claims;
using Chokepoint.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.FileProviders;

namespace Chokepoint.Server.Web;

/// <summary>Registers and maps the analysts' web pages.</summary>
public static class WebSetup
{
    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/signin";

    /// <summary>The page shown when a signed-in role may not open a page.</summary>
    public const string DeniedPath = "/denied";

    /// <summary>Adds Razor Pages and the page-side services.</summary>
    public static IServiceCollection AddChokepointWeb(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddSingleton<ListCatalog>();
        services.AddScoped<CaseQueue>();

        // The API answers 401/403; a page sends the browser to the sign-in or the denied page instead.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => IsPage(c.HttpContext) ? Redirect(c.Response, SignInPath, c.Request) : toLogin(c);
            o.Events.OnRedirectToAccessDenied = c => IsPage(c.HttpContext) ? Redirect(c.Response, DeniedPath, c.Request) : toDenied(c);
        });
        return services;
    }

    /// <summary>Maps the pages and their static files (CSS, script).</summary>
    public static WebApplication MapChokepointWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Served from the copy beside the assembly (see the csproj) so the pages keep their CSS and script in every
        // environment and whatever directory `chokepoint serve` starts in; the static-assets manifest of a plain build
        // resolves only in Development.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")) });
        app.MapRazorPages();
        return app;
    }

    /// <summary>Returns the signed-in name and role as the header shows them.</summary>
    public static string Describe(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.Role) ?? "no role";
    }

    /// <summary>Gets whether the user holds one of the roles.</summary>
    public static bool IsIn(ClaimsPrincipal user, params ReadOnlySpan<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets whether the user may decide cases.</summary>
    public static bool CanDecide(ClaimsPrincipal user) => IsIn(user, Roles.Analyst, Roles.Supervisor);

    /// <summary>Gets whether the user may approve decisions.</summary>
    public static bool CanApprove(ClaimsPrincipal user) => IsIn(user, Roles.Supervisor);

    private static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static Task Redirect(HttpResponse response, string path, HttpRequest request)
    {
        var back = request.PathBase + request.Path + request.QueryString;
        response.Redirect(path + "?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }
}
