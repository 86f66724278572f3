using System.Security.Claims;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>Single-party screening.</summary>
public static class ScreeningEndpoints
{
    /// <summary>Maps <c>POST /v1/screen/party</c>.</summary>
    public static IEndpointRouteBuilder MapScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/screen/party", ScreenPartyAsync)
            .WithName("ScreenParty").WithTags("Screening").WithSummary("Screens one party; an alert opens or joins a case.")
            .Produces<ScreenLine>().ProducesValidationProblem().RequireAuthorization(Policies.Screen);
        return app;
    }

    /// <summary>Screens one party and answers one screening output line.</summary>
    public static async Task<IResult> ScreenPartyAsync(PartyInput input, ClaimsPrincipal user, ScreeningState state, PartyScreeningService screening, CancellationToken cancellationToken)
    {
        var (query, options, field, error) = input.ToQuery();
        if (query is null)
        {
            return Api.Field(field!, error!);
        }

        if (state.Current is not { } snapshot)
        {
            return Api.NoLists(state);
        }

        var outcome = await screening.ScreenAsync(snapshot, query, options, Api.Actor(user), "api", cancellationToken);
        return TypedResults.Ok(ScreenLine.From(query, outcome));
    }
}
