using System.Collections.Concurrent;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Chokepoint.Server.BrowserTests.ServerFixture))]

// One server and one browser serve every test; running them one at a time keeps a 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Chokepoint.Server.BrowserTests;

/// <summary>
/// Starts the real server on a free loopback port over a temporary data directory holding two imported versions of
/// the OFAC SDN list (2021-04-25 and 2021-07-07, the latter in force), creates the people the journeys need, and
/// launches the system chromium headless.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>Every person's password (at least 12 characters, as accounts require).</summary>
    public const string Password = "correct horse battery";

    /// <summary>An analyst.</summary>
    public const string Analyst = "alice";

    /// <summary>A supervisor.</summary>
    public const string Supervisor = "bob";

    /// <summary>A second supervisor, for four-eyes journeys where a supervisor decides.</summary>
    public const string SecondSupervisor = "carol";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly ConcurrentDictionary<string, string> _storageStates = new(StringComparer.Ordinal);
    private DirectoryInfo? _home;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>Gets the server's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Gets the browser, or null when the chromium executable is absent.</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Gets why the browser tests skip, or null when they run.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets the chromium executable used.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHOKEPOINT_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Gets the folder the screenshots are written to (docs/screenshots in the repository).</summary>
    public static string ScreenshotsDirectory => TestPaths.InRepo("docs", "screenshots");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"The chromium executable {ChromiumPath} is absent; install Debian's chromium (scripts/test.sh does) or set CHOKEPOINT_TEST_CHROMIUM.";
            return;
        }

        _home = TestPaths.NewTempDirectory();
        ImportLists(_home.FullName);

        // The server reads the data directory from the environment, as `chokepoint serve` does.
        Environment.SetEnvironmentVariable("CHOKEPOINT_HOME", _home.FullName);
        _app = ServerHost.Build(
        [
            "--applicationName=Chokepoint.Server",

            // Development maps the build's static web assets (wwwroot and its compressed copies) from the test's bin folder.
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            "--db=" + Path.Combine(_home.FullName, "chokepoint.db"),
            "--reference=" + TestPaths.Reference,
            "--Chokepoint:CreateAdminOnFirstStart=false",
            "--Chokepoint:RefreshMinutes=0",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.PrepareChokepointAsync(TestContext.Current.CancellationToken);
        await AddPeopleAsync(_app.Services);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            _home?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is left for the OS to clean.
        }
    }

    /// <summary>Opens a new browser context at 1280 px wide (or the given width), signed in as the person when one is named.</summary>
    /// <remarks>Each person signs in through the page once; later contexts reuse the saved cookie.</remarks>
    public async Task<IBrowserContext> NewContextAsync(string? user = null, int width = 1280, int height = 900)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
        };
        if (user is not null)
        {
            options.StorageState = _storageStates.TryGetValue(user, out var state) ? state : await SignInAsync(user);
        }

        var context = await Browser!.NewContextAsync(options);
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>Signs a person in through the sign-in page and returns the saved storage state.</summary>
    public async Task<string> SignInAsync(string user)
    {
        await using var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });

        // Setup, not the subject of a test: the first page of a person's first sign-in can take long while the other
        // test assemblies share the two cores (one CI run waited past 30 s for it).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();

        // Once a CI run's first sign-in did not reach the home page within 90 s; what the page showed instead is kept,
        // and the sign-in is tried again before the fixture gives up.
        var seen = new List<string>();
        for (var attempt = 1; attempt <= SignInAttempts; attempt++)
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("Name").FillAsync(user);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 60_000 });
                var state = await context.StorageStateAsync();
                _storageStates[user] = state;
                return state;
            }
            catch (TimeoutException)
            {
                string text;
                try
                {
                    text = await page.Locator("body").InnerTextAsync(new() { Timeout = 10_000 });
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException)
                {
                    text = "(no page text: " + e.Message + ")";
                }

                var shown = $"attempt {attempt}: still at {page.Url}, showing: {text[..Math.Min(text.Length, 400)]}";
                seen.Add(shown);
                TestContext.Current.TestOutputHelper?.WriteLine("Sign-in of " + user + " " + shown);
            }
        }

        throw new InvalidOperationException($"{user} could not sign in: " + string.Join(" | ", seen));
    }

    private const int SignInAttempts = 3;

    private static void ImportLists(string home)
    {
        var store = new SnapshotStore(home);
        foreach (var date in new[] { new DateOnly(2021, 4, 25), new DateOnly(2021, 7, 7) })
        {
            var read = ListsDirectory.LoadVersion(TestPaths.Lists, "us_ofac_sdn", date);
            if (!read.Succeeded)
            {
                throw new InvalidOperationException("The staged OFAC SDN list did not read: " + string.Join("; ", read.Diagnostics));
            }

            store.Import(new ListsLoadResult([read], []));
        }
    }

    private static async Task AddPeopleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessStore>();
        foreach (var (name, role) in new[] { (Analyst, Roles.Analyst), (Supervisor, Roles.Supervisor), (SecondSupervisor, Roles.Supervisor) })
        {
            var (user, error) = await access.AddUserAsync(name, role, Password, "test", TestContext.Current.CancellationToken);
            if (user is null)
            {
                throw new InvalidOperationException(error);
            }
        }
    }
}
