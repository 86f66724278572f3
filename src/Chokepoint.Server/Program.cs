using Chokepoint.Server.Hosting;

// Services: ServerServices.AddChokepointServer; middleware and endpoints: ServerPipeline.
var app = ServerHost.Build(args);

// Migrations, the first admin account, suppressions and the lists, before the first request.
await app.PrepareChokepointAsync();
await app.RunAsync();
