using Chokepoint.Persistence;
using Chokepoint.Server.Endpoints;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Telemetry;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Hosting;

/// <summary>The request pipeline, the endpoint map, and the work done once before serving.</summary>
public static class ServerPipeline
{
    /// <summary>Adds the middleware in order: errors as problems, body limit, authentication, rate limits, antiforgery.</summary>
    public static WebApplication UseChokepointPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(LimitBodyAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication, so limits apply per key or user.
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps every endpoint group.</summary>
    public static WebApplication MapChokepointEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapDocsEndpoints();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapScreeningEndpoints();
        app.MapBatchEndpoints();
        app.MapShipmentEndpoints();
        app.MapMatchEndpoints();
        app.MapListEndpoints();
        app.MapCaseEndpoints();
        app.MapMonitoringEndpoints();
        app.MapAuditEndpoints();
        app.MapChokepointWeb(); // analysts' web pages (Chokepoint.Server.Web)
        return app;
    }

    /// <summary>Applies migrations, creates the first admin, loads suppressions and the lists.</summary>
    public static async Task PrepareChokepointAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chokepoint.Server");
        var options = app.Services.GetRequiredService<IOptions<ChokepointServerOptions>>().Value;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
            var setting = app.Services.GetRequiredService<DatabaseSetting>();
            await ServerDatabase.MigrateAsync(db, setting.IsPostgres, cancellationToken);
            Log.DatabaseReady(logger, setting.IsPostgres ? "PostgreSQL" : "SQLite");
            var access = scope.ServiceProvider.GetRequiredService<AccessStore>();
            if (options.CreateAdminOnFirstStart && !await access.AnyUserAsync(cancellationToken))
            {
                await CreateFirstAdminAsync(access, logger, cancellationToken);
            }

            var cases = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
            app.Services.GetRequiredService<SuppressionCache>().Add(await cases.SuppressionsAsync(cancellationToken));
        }

        await app.Services.GetRequiredService<ListRefresher>().RefreshAsync("system", cancellationToken);
    }

    private static async Task CreateFirstAdminAsync(AccessStore access, ILogger logger, CancellationToken cancellationToken)
    {
        const string name = "admin";
        var password = AccessStore.GeneratePassword();
        await access.AddUserAsync(name, Roles.Admin, password, "system", cancellationToken);

        // The password goes to the console once, never to the log.
        Console.WriteLine($"""
            First start: created the account '{name}' (role admin). Its password, shown only now:

                {password}

            Sign in with POST /auth/sign-in {"{"}"name":"{name}","password":"..."{"}"}; add people with
            `chokepoint users add NAME --role analyst|supervisor|admin` and client keys with `chokepoint keys create --role screening`.
            """);
        Log.AdminCreated(logger, name);
    }

    private static Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        var max = context.RequestServices.GetRequiredService<IOptions<ChokepointServerOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Results.Problem($"The request body has {context.Request.ContentLength} bytes; at most {max} are accepted.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.")
                .ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(context);
    }
}
