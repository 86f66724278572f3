using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Screening;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>The lists the tests screen against, changeable to simulate a list update.</summary>
public sealed class InMemoryListSource : IListSource
{
    public static readonly DateOnly Published = new(2026, 2, 1);

    public List<ListSnapshot> Snapshots { get; set; } = [Snapshot(Published, TestEntries.All)];

    public static ListSnapshot Snapshot(DateOnly date, IReadOnlyList<ListEntry> entries) =>
        new() { Source = "us_ofac_sdn", PublicationDate = date, Entries = entries };

    public ListLoad Load(CancellationToken cancellationToken) => new(Snapshots, [], "test lists");

    public ListSnapshot? LoadVersion(string source, DateOnly date) => Snapshots.FirstOrDefault(s => s.Source == source && s.PublicationDate == date);
}

public static class TestEntries
{
    public static ListEntry Entry(string key, string name, EntitySchema schema, string country, params string[] aliases) => new()
    {
        Id = new EntityId("us_ofac_sdn", key),
        Schema = schema,
        Name = name,
        Aliases = aliases.Select(a => new Alias(a, AliasKind.Aka)).ToList(),
        Countries = [country],
        Provenance = new Provenance("us_ofac_sdn", "SDN.CSV", InMemoryListSource.Published),
    };

    public static readonly ListEntry Alabuga = Entry("1", "ALABUGA SPECIAL ECONOMIC ZONE", EntitySchema.Organization, "RU");
    public static readonly ListEntry Shahed = Entry("2", "SHAHED AVIATION INDUSTRIES RESEARCH CENTER", EntitySchema.Organization, "IR");
    public static readonly ListEntry Kupol = Entry("3", "IZHEVSK ELECTROMECHANICAL PLANT KUPOL", EntitySchema.Organization, "RU");

    public static IReadOnlyList<ListEntry> All => [Alabuga, Shahed, Kupol];
}

/// <summary>The service over a SQLite file of its own, a fake clock, and the test lists.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dir = TestPaths.NewTempDirectory();
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public InMemoryListSource Lists { get; } = new();

    public string DatabasePath => Path.Combine(_dir.FullName, "chokepoint.db");

    public ServerFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Chokepoint:Database", _settings.GetValueOrDefault("Chokepoint:Database") ?? DatabasePath);
        builder.UseSetting("Chokepoint:CreateAdminOnFirstStart", "false");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IListSource>();
            services.AddSingleton<IListSource>(Lists);
        });
    }

    /// <summary>A client with an API key of the role.</summary>
    public async Task<HttpClient> KeyClientAsync(string role, string? name = null)
    {
        var client = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccessStore>().CreateKeyAsync(role, name ?? role + "-" + Guid.NewGuid().ToString("N")[..6], "test", TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        return client;
    }

    /// <summary>A client signed in (cookie) as a new user of the role.</summary>
    public async Task<HttpClient> UserClientAsync(string role, string? name = null)
    {
        name ??= role + "-" + Guid.NewGuid().ToString("N")[..6];
        const string password = "correct horse battery staple";
        await using (var scope = Services.CreateAsyncScope())
        {
            var (user, error) = await scope.ServiceProvider.GetRequiredService<AccessStore>().AddUserAsync(name, role, password, "test", TestContext.Current.CancellationToken);
            Assert.True(user is not null, error);
        }

        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/auth/sign-in", new { name, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp cleaner.
            }
        }
    }
}
