using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>Liveness and readiness, open to everyone.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health</c> and <c>/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous();
        app.MapGet("/ready", GetReady).WithName("Ready").WithTags("Health").AllowAnonymous();
        return app;
    }

    /// <summary>Answers while the process serves requests.</summary>
    public static IResult GetHealth() => TypedResults.Ok(new { status = "ok" });

    /// <summary>Answers 200 once lists are loaded, 503 before (with the reason).</summary>
    public static IResult GetReady(ScreeningState state) =>
        state.Current is { } s
            ? TypedResults.Ok(new { status = "ready", lists = s.Lists.Count, entities = s.Entries.Count, loadedAt = s.LoadedAt })
            : Api.NoLists(state);
}
