using Chokepoint.Core;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages.Lists;

/// <summary>One listed entity: every name in every script, identifiers, addresses, programs, source and publication date.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class EntityModel(ScreeningState state) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public ListEntry? Entry { get; private set; }

    public IActionResult OnGet()
    {
        if (state.Current is { } snapshot && EntityId.TryParse(Id, out var id) && snapshot.Entries.TryGetValue(id, out var entry))
        {
            Entry = entry;
            return Page();
        }

        return NotFound();
    }
}
