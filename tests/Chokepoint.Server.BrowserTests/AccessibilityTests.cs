using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chokepoint.Server.BrowserTests;

public sealed class AccessibilityTests(ServerFixture server) : BrowserTest(server)
{
    public static TheoryData<string, string?> Pages => new()
    {
        { "/signin", null },
        { "/", ServerFixture.Supervisor },
        { "/screen", ServerFixture.Supervisor },
        { "/shipment", ServerFixture.Supervisor },
        { "/cases?status=all", ServerFixture.Supervisor },
        { "/batch", ServerFixture.Supervisor },
        { "/lists", ServerFixture.Supervisor },
        { "/lists/diff?source=us_ofac_sdn&from=2021-04-25&to=2021-07-07", ServerFixture.Supervisor },
        { "/lists/entity?id=us_ofac_sdn%3A11195", ServerFixture.Supervisor },
        { "/register", ServerFixture.Supervisor },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_Axe_NoSeriousOrCriticalViolations(string path, string? user) => RunAsync("axe" + path.Replace('/', '-').Split('?')[0], user, async page =>
    {
        await page.GotoAsync(path);
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task ScreenResultsAndCasePage_Axe_NoSeriousOrCriticalViolations() => RunAsync(nameof(ScreenResultsAndCasePage_Axe_NoSeriousOrCriticalViolations), ServerFixture.Supervisor, async page =>
    {
        await ScreenAsync(page, "Qods Aviation Industries", reference: "AXE-1");
        await AssertAccessibleAsync(page);
        await page.Locator("#screen-outcome a").ClickAsync();
        await page.Locator("#case-status").WaitForAsync();
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Keyboard_SkipLinkAndTabOrder_ReachMainAndForm() => RunAsync(nameof(Keyboard_SkipLinkAndTabOrder_ReachMainAndForm), ServerFixture.Analyst, async page =>
    {
        await page.GotoAsync("/screen");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Name", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync("Qods Aviation Industries");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#results-heading").WaitForAsync();
        Assert.Equal("QODS AVIATION INDUSTRIES", await page.Locator("article.match h3 a").First.InnerTextAsync());
    });

    [Fact]
    public Task MainPages_Screenshots_AreWrittenUnder300KB() => RunAsync(nameof(MainPages_Screenshots_AreWrittenUnder300KB), ServerFixture.Supervisor, async page =>
    {
        foreach (var (path, name) in new[] { ("/", "dashboard"), ("/cases?status=all", "cases"), ("/register", "register"), ("/lists", "lists") })
        {
            await page.GotoAsync(path);
            await ScreenshotAsync(page, name);
        }

        await page.GotoAsync("/shipment");
        var sample = await File.ReadAllTextAsync(TestPaths.InRepo("samples", "shipments", "06-listed-hong-kong-intermediary.json"));
        await page.GetByLabel("Shipment document (JSON)").FillAsync(sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check document" }).ClickAsync();
        Assert.NotEqual("clear", await page.Locator("#shipment-decision").InnerTextAsync());
        await ScreenshotAsync(page, "shipment");

        foreach (var file in Directory.GetFiles(ServerFixture.ScreenshotsDirectory, "*.png"))
        {
            Assert.True(new FileInfo(file).Length < 300 * 1024, $"{Path.GetFileName(file)} is {new FileInfo(file).Length / 1024} KB.");
        }
    });

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, page.Url + ": " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
