using Chokepoint.Core;
using Chokepoint.Lists.Diff;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>List status, entity detail and diffs between versions.</summary>
public static class ListEndpoints
{
    /// <summary>Maps the list endpoints.</summary>
    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Lists").RequireAuthorization(Policies.Screen);
        group.MapGet("/lists", GetStatus).WithName("ListStatus").WithSummary("The lists in force.");
        group.MapGet("/entities/{id}", GetEntity).WithName("GetEntity").WithSummary("One listed entity, by source:key.");
        group.MapGet("/lists/{source}/diff", GetDiff).WithName("ListDiff").WithSummary("What changed in a source between two versions (from=, to= as YYYY-MM-DD).");
        return app;
    }

    /// <summary>Answers the lists in force.</summary>
    public static IResult GetStatus(ScreeningState state)
    {
        if (state.Current is not { } s)
        {
            return Api.NoLists(state);
        }

        var lists = s.Lists.OrderBy(l => l.Source, StringComparer.Ordinal).Select(l => new
        {
            source = l.Source,
            publicationDate = l.PublicationDate,
            entities = l.Entries.Count,
            names = l.NameCount,
            files = l.Files,
            warnings = l.Warnings.Count,
        });
        return TypedResults.Ok(new { loadedAt = s.LoadedAt, origin = s.Origin, status = state.Status, lists });
    }

    /// <summary>Answers one listed entity with its fingerprint.</summary>
    public static IResult GetEntity(string id, ScreeningState state)
    {
        if (!EntityId.TryParse(id, out var entityId))
        {
            return Api.Field("id", $"'{id}' is not an entity id of the form <source>:<key>.");
        }

        if (state.Current is not { } s)
        {
            return Api.NoLists(state);
        }

        return s.Entries.TryGetValue(entityId, out var entry)
            ? TypedResults.Ok(new { entry, fingerprint = s.Fingerprint(entityId) })
            : Api.Problem(StatusCodes.Status404NotFound, "Not found.", $"No listed entity {id} is in force.", "id");
    }

    /// <summary>Answers the diff between two versions of a source.</summary>
    public static IResult GetDiff(string source, string? from, string? to, IListSource lists)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var fromDate))
        {
            return Api.Field("from", "from must be a date YYYY-MM-DD.");
        }

        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", out var toDate))
        {
            return Api.Field("to", "to must be a date YYYY-MM-DD.");
        }

        var before = lists.LoadVersion(source, fromDate);
        if (before is null)
        {
            return Api.Problem(StatusCodes.Status404NotFound, "Not found.", $"There is no version {from} of '{source}'.", "from");
        }

        var after = lists.LoadVersion(source, toDate);
        if (after is null)
        {
            return Api.Problem(StatusCodes.Status404NotFound, "Not found.", $"There is no version {to} of '{source}'.", "to");
        }

        var diff = ListDiff.Compare(before, after);
        return TypedResults.Ok(new
        {
            source,
            from = diff.From,
            to = diff.To,
            unchanged = diff.Unchanged,
            added = diff.Added.Select(e => new { id = e.Id, name = e.Name }),
            removed = diff.Removed.Select(e => new { id = e.Id, name = e.Name }),
            changed = diff.Changed,
        });
    }
}
