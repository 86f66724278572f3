using System.Text.Json;
using Chokepoint.Server.Telemetry;
using Microsoft.AspNetCore.Diagnostics;

namespace Chokepoint.Server.Hosting;

/// <summary>Turns bad requests (unreadable JSON, bodies over the limit) into problem details naming the field; logs the rest.</summary>
public sealed class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            Log.Unhandled(logger, exception, httpContext.Request.Path);
            return false;
        }

        var json = exception.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than the server accepts."
            : json is not null ? $"{field}: {json.Message}" : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
                Detail = detail,
                Extensions = { ["field"] = field },
            },
        });
    }
}
