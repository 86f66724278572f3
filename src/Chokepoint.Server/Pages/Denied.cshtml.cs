using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages;

/// <summary>Tells a signed-in person that their role may not open the page they asked for.</summary>
[Authorize]
public sealed class DeniedModel : PageModel
{
}
