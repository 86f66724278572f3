namespace Chokepoint.Server.Hosting;

/// <summary>Builds the service: the host behind <c>Program.cs</c> and <c>chokepoint serve</c>.</summary>
public static class ServerHost
{
    /// <summary>Builds the application with its services, pipeline and endpoints; call <see cref="ServerPipeline.PrepareChokepointAsync"/> before running it.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--lists</c>, <c>--db</c>, <c>--reference</c>, configuration keys).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddChokepointServer();
        var app = builder.Build();
        app.UseChokepointPipeline();
        app.MapChokepointEndpoints();
        return app;
    }
}
