using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Chokepoint.Lists.Store;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Batch;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Telemetry;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Chokepoint.Server.Hosting;

/// <summary>Registers the screening service's parts.</summary>
public static class ServerServices
{
    /// <summary>Adds options, database, authentication, limits, problem details, OpenAPI, telemetry and the services.</summary>
    public static WebApplicationBuilder AddChokepointServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var options = new ChokepointServerOptions();
        config.GetSection(ChokepointServerOptions.Section).Bind(options);

        // The short switches of `chokepoint serve` (--lists, --db, --reference) arrive as top-level keys.
        options.ListsDirectory ??= config["lists"];
        options.Database ??= config["db"];
        options.ReferenceDirectory ??= config["reference"];
        // Every SQL statement at Information drowns the service's own messages; EF warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // ASP.NET Core logs two Information lines per request; at thousands of requests a second the console logger
        // alone would cost more than the screening. Request counts and latency are in the metrics instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);

        var database = ServerDatabase.Resolve(options.Database);
        services.AddSingleton(new DatabaseSetting(database.ConnectionString, database.IsPostgres));
        if (!SqliteCommitDurability.IsValid(options.SqliteSynchronous))
        {
            throw new InvalidOperationException($"Chokepoint:SqliteSynchronous is '{options.SqliteSynchronous}'; use NORMAL or FULL.");
        }

        services.AddDbContext<ChokepointDbContext>(o => ServerDatabase.Configure(o, database, options.SqliteSynchronous));
        services.AddScoped<CaseWorkflow>().AddScoped<AccessStore>().AddScoped<RegisterStore>().AddScoped<BatchStore>();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<ScreeningState>();
        services.AddSingleton<SuppressionCache>();
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<PartyScreeningService>();
        services.AddSingleton<MonitoringService>();
        services.AddSingleton<ListRefresher>();
        services.AddSingleton<TradeReference>();
        services.AddSingleton<ShipmentCheckService>();
        services.TryAddSingleton<IListSource>(sp => options.ListsDirectory is { } dir
            ? new DirectoryListSource(Path.GetFullPath(dir))
            : new StoredListSource(SnapshotStore.Open(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<AlertRecorder>().AddHostedService(sp => sp.GetRequiredService<AlertRecorder>());
        services.AddSingleton<ScreeningAuditQueue>().AddHostedService(sp => sp.GetRequiredService<ScreeningAuditQueue>());
        services.AddSingleton<BatchWorker>().AddHostedService(sp => sp.GetRequiredService<BatchWorker>());
        services.AddHostedService<ListRefreshService>();

        services.AddChokepointAuth();
        services.AddChokepointWeb(); // analysts' web pages (Chokepoint.Server.Web)
        services.AddAntiforgery();
        services.AddRateLimiter(o => ConfigureRateLimits(o, options));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi();
        services.AddOpenTelemetry().WithMetrics(m =>
        {
            m.AddMeter(ServerMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting");
            if (!string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                m.AddOtlpExporter();
            }
        });
        return builder;
    }

    private static void ConfigureRateLimits(RateLimiterOptions o, ChokepointServerOptions options)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/ready"))
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            // One budget per key or user; anonymous callers share one per address.
            var who = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "id:" + name : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(who, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds),
                QueueLimit = 0,
            });
        });
        o.OnRejected = static async (context, cancellationToken) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Results.Problem("This key or user made too many requests; wait and retry.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.")
                .ExecuteAsync(context.HttpContext);
        };
    }
}

/// <summary>The database in use.</summary>
/// <param name="ConnectionString">The connection string (never logged: it may hold a password).</param>
/// <param name="IsPostgres">True for PostgreSQL, false for SQLite.</param>
public sealed record DatabaseSetting(string ConnectionString, bool IsPostgres);
