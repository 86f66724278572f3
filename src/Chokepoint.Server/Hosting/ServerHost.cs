namespace Chokepoint.Server.Hosting;

/// <summary>Builds the service: the host behind <c>Program.cs</c> and <c>chokepoint serve</c>.</summary>
public static class ServerHost
{
    /// <summary>Builds the application with its services, pipeline and endpoints; call <see cref="ServerPipeline.PrepareChokepointAsync"/> before running it.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--lists</c>, <c>--db</c>, <c>--reference</c>, configuration keys).</param>
    public static WebApplication Build(string[] args)
    {
        // The application is this assembly even when the command line hosts it, so pages and static assets resolve.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ServerHost).Assembly.GetName().Name });
        builder.AddChokepointServer();
        var app = builder.Build();
        app.UseChokepointPipeline();
        app.MapChokepointEndpoints();
        return app;
    }
}
