using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>A party to add to the monitoring register.</summary>
/// <param name="Id">The caller's own id (unique in the register).</param>
/// <param name="Name">The name.</param>
/// <param name="Schema">person, organization, vessel or aircraft.</param>
/// <param name="Country">ISO alpha-2 country.</param>
/// <param name="BirthDate">YYYY, YYYY-MM or YYYY-MM-DD.</param>
public sealed record RegisterPartyRequest(string? Id, string? Name, string? Schema, string? Country, string? BirthDate);

/// <summary>The monitoring register: add, import CSV, list, re-screen.</summary>
public static class MonitoringEndpoints
{
    /// <summary>Maps the register endpoints.</summary>
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/monitoring").WithTags("Monitoring").RequireAuthorization(Policies.Register);
        group.MapGet("/parties", ListAsync).WithName("ListRegister");
        group.MapPost("/parties", AddAsync).WithName("AddToRegister");
        group.MapPost("/parties/import", ImportAsync).WithName("ImportRegister").WithSummary("Imports CSV (text/csv) with a header id,name,schema,country,birth_date; nothing is stored if a row is bad.");
        group.MapPost("/rescreen", RescreenAsync).WithName("RescreenRegister").WithSummary("Re-screens the whole register against every list in force.");
        return app;
    }

    /// <summary>Lists registered parties.</summary>
    public static async Task<IResult> ListAsync(RegisterStore register, CancellationToken cancellationToken, int skip = 0, int take = 100)
    {
        if (Api.Paging(skip, take) is { } bad)
        {
            return bad;
        }

        var parties = await register.ListAsync(skip, take, cancellationToken);
        return TypedResults.Ok(new { total = await register.CountAsync(cancellationToken), parties = parties.Select(p => new { id = p.ExternalId, name = p.Name, schema = p.Schema, country = p.Country, birthDate = p.BirthDate, addedBy = p.AddedBy, addedAt = p.AddedAt }) });
    }

    /// <summary>Adds (or replaces) one party.</summary>
    public static async Task<IResult> AddAsync(RegisterPartyRequest request, ClaimsPrincipal user, RegisterStore register, CancellationToken cancellationToken)
    {
        var csv = CsvText.Line("id", "name", "schema", "country", "birth_date") + "\n" + CsvText.Line(request.Id, request.Name, request.Schema, request.Country, request.BirthDate) + "\n";
        var parsed = MonitoringRegisterCsv.Parse(new StringReader(csv), "request");
        if (parsed.Diagnostics.Count > 0)
        {
            var d = parsed.Diagnostics[0];
            return Api.Field(d.Field == "birth_date" ? "birthDate" : d.Field ?? "body", d.Message);
        }

        var (added, replaced) = await register.UpsertAsync(parsed.Rows, Api.Actor(user), "api", cancellationToken);
        return TypedResults.Created($"/v1/monitoring/parties?id={Uri.EscapeDataString(parsed.Rows[0].ExternalId)}", new { added, replaced });
    }

    /// <summary>Imports a CSV register.</summary>
    public static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, RegisterStore register, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var parsed = MonitoringRegisterCsv.Parse(new StringReader(text), "register.csv");
        if (parsed.Diagnostics.Count > 0)
        {
            var errors = parsed.Diagnostics.Select(d => d.ToString()).ToArray();
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = errors }, detail: $"{errors.Length} rows are bad; nothing was imported. First: {errors[0]}", title: "The register file has bad rows.");
        }

        var (added, replaced) = await register.UpsertAsync(parsed.Rows, Api.Actor(user), "csv", cancellationToken);
        return TypedResults.Ok(new { added, replaced });
    }

    /// <summary>Re-screens the whole register.</summary>
    public static async Task<IResult> RescreenAsync(ClaimsPrincipal user, MonitoringService monitoring, ScreeningState state, CancellationToken cancellationToken)
    {
        if (state.Current is null)
        {
            return Api.NoLists(state);
        }

        var report = await monitoring.RescreenAllAsync(Api.Actor(user), cancellationToken);
        return TypedResults.Ok(report);
    }
}
