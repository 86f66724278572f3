namespace Chokepoint.Server.IntegrationTests;

/// <summary>
/// Databases for one test class: SQLite files in a temporary folder, and a fresh PostgreSQL database per call when
/// CHOKEPOINT_TEST_POSTGRES is set (the test is skipped otherwise). Everything is removed on dispose.
/// </summary>
public sealed class TestDatabases : IDisposable
{
    private readonly List<string> _postgresDatabases = [];

    /// <summary>Gets the providers a theory runs on.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>Gets the temporary folder (SQLite files, data directories).</summary>
    public DirectoryInfo Directory { get; } = TestPaths.NewTempDirectory();

    /// <summary>Returns a <c>--db</c> setting for a new, empty database of the provider.</summary>
    public async Task<string> CreateAsync(string provider, CancellationToken cancellationToken)
    {
        if (provider == "sqlite")
        {
            return Path.Combine(Directory.FullName, $"test-{Guid.NewGuid():N}.db");
        }

        var server = Environment.GetEnvironmentVariable("CHOKEPOINT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip("CHOKEPOINT_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL server and sets it.");
        }

        var name = "chokepoint_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        _postgresDatabases.Add(name);
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        var server = Environment.GetEnvironmentVariable("CHOKEPOINT_TEST_POSTGRES");
        foreach (var name in _postgresDatabases)
        {
            using var admin = new Npgsql.NpgsqlConnection(server);
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp cleaner.
        }
    }
}
