using Chokepoint.Core;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages;

/// <summary>Screens one party typed into a form and shows every match with its explanation and source.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class ScreenModel(ScreeningState state, PartyScreeningService screening) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Schema { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? BirthDate { get; set; }

    [BindProperty]
    public string? IdentifierType { get; set; }

    [BindProperty]
    public string? IdentifierValue { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public string? Error { get; private set; }

    public string? ListsStatus { get; private set; }

    public PartyQuery? Query { get; private set; }

    public ScreeningResult? Result { get; private set; }

    public Guid? CaseId { get; private set; }

    public int Suppressed { get; private set; }

    public IReadOnlyList<MatchView> Matches { get; private set; } = [];

    public void OnGet() => ListsStatus = state.Current is null ? state.Status : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var snapshot = state.Current;
        if (snapshot is null)
        {
            ListsStatus = state.Status;
            return Page();
        }

        var input = new PartyInput
        {
            Id = Reference,
            Name = Name,
            Schema = Schema,
            Country = Country,
            BirthDate = BirthDate,
            Identifiers = string.IsNullOrWhiteSpace(IdentifierValue) ? null : [new IdentifierInput(IdentifierType, IdentifierValue, null)],
        };
        var (query, options, field, error) = input.ToQuery();
        if (query is null)
        {
            Error = $"{field}: {error}";
            return Page();
        }

        var outcome = await screening.ScreenAsync(snapshot, query, options, User.Identity?.Name ?? "web", "web", cancellationToken);
        Query = query;
        Result = outcome.Result;
        CaseId = outcome.CaseId;
        Suppressed = outcome.Suppressed;
        Matches = MatchView.From(query.Name, outcome.Result, id => snapshot.Entries.GetValueOrDefault(id));
        return Page();
    }
}
