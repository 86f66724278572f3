using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages;

/// <summary>Signs a person in with a name and password and sets the session cookie.</summary>
[AllowAnonymous]
public sealed class SignInModel(AccessStore access, AuditLog audit, ChokepointDbContext db) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Name) || string.IsNullOrEmpty(Password)
            ? null
            : await access.VerifyPasswordAsync(Name.Trim(), Password, cancellationToken);
        if (user is null)
        {
            // One message for an unknown name and a wrong password, so names cannot be probed.
            Error = "The name or the password is not right.";
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.AppendAsync(db, new AuditEntry(user.Name, "user.sign-in", user.Name, CaseJson.Serialize(new { via = "web" })), cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
