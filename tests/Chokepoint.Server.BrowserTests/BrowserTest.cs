using Microsoft.Playwright;

namespace Chokepoint.Server.BrowserTests;

/// <summary>Runs a journey in a fresh browser context, recording a trace that is kept only when the journey fails.</summary>
public abstract class BrowserTest(ServerFixture server)
{
    /// <summary>Gets the shared server and browser.</summary>
    protected ServerFixture Server { get; } = server;

    /// <summary>Runs a journey as a person (or signed out), skipping only when the chromium executable is absent.</summary>
    protected async Task RunAsync(string name, string? user, Func<IPage, Task> journey, int width = 1280)
    {
        Assert.SkipWhen(Server.SkipReason is not null, Server.SkipReason ?? "");
        await using var context = await Server.NewContextAsync(user, width);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        try
        {
            await journey(page);
        }
        catch
        {
            // The trace opens with `playwright show-trace` and shows each step, the DOM and the network.
            TestContext.Current.TestOutputHelper?.WriteLine("Script errors: " + string.Join("; ", errors));
            var traces = TestPaths.InRepo("artifacts", "browser-traces");
            Directory.CreateDirectory(traces);
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(traces, name + ".zip") });
            throw;
        }

        await context.Tracing.StopAsync();
        Assert.True(errors.Count == 0, "Script errors: " + string.Join("; ", errors));
    }

    /// <summary>Saves a screenshot of the viewport into docs/screenshots.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(ServerFixture.ScreenshotsDirectory);
        var path = Path.Combine(ServerFixture.ScreenshotsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>Screens a party through the form and waits for the results.</summary>
    protected static async Task ScreenAsync(IPage page, string name, string? reference = null, string? country = null)
    {
        await page.GotoAsync("/screen");
        await page.GetByLabel("Name (any script)").FillAsync(name);
        if (reference is not null)
        {
            await page.GetByLabel("Your reference (customer or supplier id)").FillAsync(reference);
        }

        if (country is not null)
        {
            await page.GetByLabel("Country (ISO code)").FillAsync(country);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen", Exact = true }).ClickAsync();
        await page.Locator("#results-heading").WaitForAsync();
    }
}
