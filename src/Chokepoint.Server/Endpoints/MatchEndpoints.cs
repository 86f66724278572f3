using System.Security.Claims;
using System.Text.Json;
using Chokepoint.Core;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>A FollowTheMoney query entity, as the OpenSanctions matching API takes it.</summary>
/// <param name="Schema">Person, Organization, Company, LegalEntity, Vessel, Airplane, Thing.</param>
/// <param name="Properties">Property name to values (name, birthDate, country, nationality, jurisdiction, idNumber, registrationNumber, imoNumber...).</param>
public sealed record FtmQuery(string? Schema, Dictionary<string, List<JsonElement>>? Properties);

/// <summary>The OpenSanctions matching API request.</summary>
/// <param name="Queries">Query entities by the caller's key.</param>
public sealed record MatchRequest(Dictionary<string, FtmQuery>? Queries);

/// <summary>The OpenSanctions matching API shape (<c>POST /match/{dataset}</c>), so its clients can point at Chokepoint.</summary>
public static class MatchEndpoints
{
    /// <summary>Maps <c>POST /match/{dataset}</c>.</summary>
    public static IEndpointRouteBuilder MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/match/{dataset}", MatchAsync).WithName("Match").WithTags("Screening")
            .WithSummary("OpenSanctions-compatible matching: FollowTheMoney query entities in, responses.{key}.results[] out.")
            .RequireAuthorization(Policies.Screen);
        return app;
    }

    /// <summary>Screens each query entity; <c>dataset</c> is <c>default</c> for every list or one source name.</summary>
    public static async Task<IResult> MatchAsync(string dataset, MatchRequest request, ClaimsPrincipal user, ScreeningState state, PartyScreeningService screening, CancellationToken cancellationToken, int limit = 5, double? threshold = null)
    {
        if (request.Queries is not { Count: > 0 } queries)
        {
            return Api.Field("queries", "At least one query entity is required.");
        }

        if (limit is < 1 or > 50)
        {
            return Api.Field("limit", "limit must be between 1 and 50.");
        }

        if (state.Current is not { } snapshot)
        {
            return Api.NoLists(state);
        }

        if (dataset != "default" && !snapshot.Lists.Any(l => l.Source == dataset))
        {
            return Api.Problem(StatusCodes.Status404NotFound, "Not found.", $"No dataset '{dataset}'; use 'default' or one of {string.Join(", ", snapshot.Lists.Select(l => l.Source))}.", "dataset");
        }

        var responses = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, q) in queries)
        {
            var query = ToQuery(key, q);
            if (query is null)
            {
                return Api.Field($"queries.{key}.properties.name", "Each query entity needs at least one name.");
            }

            var options = new ScreeningOptions { Top = dataset == "default" ? limit : 50, Threshold = threshold };
            var outcome = await screening.ScreenAsync(snapshot, query, options, Api.Actor(user), "match-api", cancellationToken);
            var results = outcome.Result.Matches
                .Where(m => dataset == "default" || m.EntityId.Source == dataset)
                .Take(limit)
                .Select(m => Result(snapshot, m, outcome.Result.Threshold))
                .ToList();
            responses[key] = new { status = 200, results, total = new { value = results.Count, relation = "eq" }, query = q };
        }

        return TypedResults.Ok(new { responses, matcher = new { name = "chokepoint" }, limit });
    }

    private static PartyQuery? ToQuery(string key, FtmQuery q)
    {
        var props = q.Properties ?? [];
        var names = Values(props, "name");
        if (names.Count == 0)
        {
            return null;
        }

        var birth = Values(props, "birthDate").Select(b => BirthDate.TryParse(b, out var d) ? d : (BirthDate?)null).FirstOrDefault(d => d is not null);
        var country = Values(props, "country").Concat(Values(props, "nationality")).Concat(Values(props, "jurisdiction")).FirstOrDefault();
        var identifiers = Values(props, "idNumber").Select(v => new Identifier(IdentifierType.Other, v))
            .Concat(Values(props, "registrationNumber").Select(v => new Identifier(IdentifierType.RegistrationNumber, v)))
            .Concat(Values(props, "imoNumber").Select(v => new Identifier(IdentifierType.Imo, v)))
            .Concat(Values(props, "passportNumber").Select(v => new Identifier(IdentifierType.Passport, v)))
            .ToList();
        return new PartyQuery
        {
            Id = key,
            Name = names[0],
            Schema = q.Schema switch
            {
                "Person" => EntitySchema.Person,
                "Organization" or "Company" or "LegalEntity" or "PublicBody" => EntitySchema.Organization,
                "Vessel" => EntitySchema.Vessel,
                "Airplane" => EntitySchema.Aircraft,
                _ => EntitySchema.Unknown,
            },
            Country = country?.ToUpperInvariant(),
            BirthDate = birth,
            Identifiers = identifiers,
        };
    }

    private static List<string> Values(Dictionary<string, List<JsonElement>> props, string name) =>
        props.TryGetValue(name, out var list)
            ? list.Where(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())).Select(v => v.GetString()!).ToList()
            : [];

    private static object Result(ScreeningSnapshot snapshot, ScreeningMatch m, double threshold)
    {
        snapshot.Entries.TryGetValue(m.EntityId, out var entry);
        var features = new Dictionary<string, double> { ["name_score"] = Math.Round(m.Explanation.NameScore, 4) };
        foreach (var ev in m.Explanation.Evidence)
        {
            features[ev.Kind + "_" + ev.Outcome] = Math.Round(ev.Effect, 4);
        }

        return new
        {
            id = m.EntityId.ToString(),
            caption = entry?.Name ?? m.Name,
            schema = m.Schema switch
            {
                EntitySchema.Person => "Person",
                EntitySchema.Organization => "Organization",
                EntitySchema.Vessel => "Vessel",
                EntitySchema.Aircraft => "Airplane",
                _ => "LegalEntity",
            },
            score = Math.Round(m.Score, 4),
            match = m.Score >= threshold && m.Explanation.Note is null,
            features,
            datasets = new[] { m.EntityId.Source },
            properties = new Dictionary<string, IEnumerable<string>>
            {
                ["name"] = entry is null ? [m.Name] : entry.AllNames().Distinct(StringComparer.Ordinal),
                ["birthDate"] = entry?.BirthDates.Select(b => b.ToString()) ?? [],
                ["country"] = entry?.Countries ?? [],
            },
            explanation = m.Explanation,
        };
    }
}
