using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Server.Screening;

namespace Chokepoint.Server.Endpoints;

/// <summary>Answers shared by the endpoints: RFC 7807 problems that name the field, and who is asking.</summary>
internal static class Api
{
    /// <summary>Returns the name of the signed-in user or key.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>A 400 validation problem naming the field at fault.</summary>
    public static IResult Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}", title: "The request has an invalid field.");

    /// <summary>A problem with a status code.</summary>
    public static IResult Problem(int status, string title, string detail, string? field = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>Maps a refused case operation to its problem: 400, 404, 409, or 403 for four eyes.</summary>
    public static IResult From(CaseError error) => error.Code switch
    {
        CaseErrorCode.Invalid => Field(error.Field ?? "body", error.Message),
        CaseErrorCode.NotFound => Problem(StatusCodes.Status404NotFound, "Not found.", error.Message, error.Field),
        CaseErrorCode.Conflict => Problem(StatusCodes.Status409Conflict, "The case changed since you read it.", error.Message, error.Field),
        CaseErrorCode.FourEyes => Problem(StatusCodes.Status403Forbidden, "Four-eyes rule.", error.Message),
        _ => Problem(StatusCodes.Status409Conflict, "The case is not in a state that allows this.", error.Message),
    };

    /// <summary>503 while no lists are in force.</summary>
    public static IResult NoLists(ScreeningState state) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "No lists are loaded.", state.Status);

    /// <summary>Checks paging arguments.</summary>
    public static IResult? Paging(int skip, int take) =>
        skip < 0 ? Field("skip", "skip must be 0 or more.")
        : take is < 1 or > 1000 ? Field("take", "take must be between 1 and 1000.")
        : null;
}
