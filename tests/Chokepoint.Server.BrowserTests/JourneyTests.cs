using System.Text;
using Microsoft.Playwright;

namespace Chokepoint.Server.BrowserTests;

public sealed class JourneyTests(ServerFixture server) : BrowserTest(server)
{
    private const string ListedName = "Qods Aviation Industry";
    private const string ListedEntity = "QODS AVIATION INDUSTRIES";

    [Fact]
    public Task SignIn_RightPassword_OpensDashboard() => RunAsync(nameof(SignIn_RightPassword_OpensDashboard), null, async page =>
    {
        await page.GotoAsync("/cases");
        Assert.StartsWith(Server.BaseUrl + "/signin", page.Url, StringComparison.Ordinal);
        await ScreenshotAsync(page, "signin");
        await page.GetByLabel("Name").FillAsync(ServerFixture.Analyst);
        await page.GetByLabel("Password").FillAsync(ServerFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Server.BaseUrl + "/cases");
        Assert.Equal("alice (analyst)", (await page.Locator(".who span").InnerTextAsync()).Trim());
    });

    [Fact]
    public Task SignIn_WrongPassword_StaysOnSignInWithMessage() => RunAsync(nameof(SignIn_WrongPassword_StaysOnSignInWithMessage), null, async page =>
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Name").FillAsync(ServerFixture.Analyst);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("The name or the password is not right.", await page.Locator("#signin-error").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".who").CountAsync());
    });

    [Fact]
    public Task ScreenParty_ListedDroneMaker_ShowsHitWithAlignedPartsAndSource() => RunAsync(nameof(ScreenParty_ListedDroneMaker_ShowsHitWithAlignedPartsAndSource), ServerFixture.Analyst, async page =>
    {
        await ScreenAsync(page, ListedName, country: "IR");
        Assert.StartsWith("Alert.", await page.Locator("#screen-outcome").InnerTextAsync(), StringComparison.Ordinal);
        var top = page.Locator("article.match").First;
        Assert.Equal(ListedEntity, (await top.Locator("h3").InnerTextAsync()).Trim());
        Assert.Contains("us_ofac_sdn:16418", await top.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        // The aligned parts are highlighted on both sides: "Qods" and "Aviation" exactly, "Industry" as a near form.
        var queryMarks = await top.Locator("section[aria-label=Query] mark").AllInnerTextsAsync();
        Assert.Equal(["Qods", "Aviation", "Industry"], queryMarks);
        Assert.Equal(3, await top.Locator("section[aria-label='Listed entry'] mark").CountAsync());
        Assert.Equal("exact", await top.Locator("section[aria-label=Query] mark").First.GetAttributeAsync("class"));
        var provenance = await top.Locator("dl.facts").InnerTextAsync();
        Assert.Contains("us_ofac_sdn", provenance, StringComparison.Ordinal);
        Assert.Contains("2021-07-07", provenance, StringComparison.Ordinal);
        Assert.Contains("NPWMD", provenance, StringComparison.Ordinal);
        await page.EvaluateAsync("document.getElementById('results-heading').scrollIntoView()");
        await ScreenshotAsync(page, "screen-party");
    });

    [Fact]
    public Task ScreenParty_PhoneWidth_StacksQueryAboveListedEntry() => RunAsync(nameof(ScreenParty_PhoneWidth_StacksQueryAboveListedEntry), ServerFixture.Analyst, async page =>
    {
        await ScreenAsync(page, ListedName);
        var query = await page.Locator("article.match").First.Locator("section[aria-label=Query]").BoundingBoxAsync();
        var listed = await page.Locator("article.match").First.Locator("section[aria-label='Listed entry']").BoundingBoxAsync();
        Assert.True(listed!.Y >= query!.Y + query.Height - 1, "At 390 px the listed entry goes below the query.");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways at 390 px ({scrollWidth} px wide).");
        await page.Locator("article.match").First.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "screen-party-390");
    }, width: 390);

    [Fact]
    public Task Case_AnalystDecidesSupervisorApproves_DeciderCannotApprove() => RunAsync(nameof(Case_AnalystDecidesSupervisorApproves_DeciderCannotApprove), ServerFixture.SecondSupervisor, async page =>
    {
        // carol (a supervisor) screens and decides; the same person may not approve her own decision.
        await ScreenAsync(page, ListedName, reference: "CUST-4EYES");
        await page.Locator("#screen-outcome a").ClickAsync();
        var caseUrl = page.Url;
        await page.GetByLabel("False positive: the party is not the listed entity").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Our customer CUST-4EYES is a flight school in Hamburg, founded 1998; no link to Iran.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        Assert.Equal("Your decision was recorded; it now waits for a supervisor.", await page.Locator("#case-message").InnerTextAsync());
        Assert.Equal("awaiting approval", await page.Locator("#case-status").InnerTextAsync());
        var approve = page.Locator("#approve-form button");
        Assert.True(await approve.IsDisabledAsync());
        Assert.Equal("You made this decision, so another supervisor must approve it (four eyes).", await page.Locator("#approve-why").InnerTextAsync());

        // Even with the button forced on, the service refuses.
        await approve.EvaluateAsync("b => b.disabled = false");
        await approve.ClickAsync();
        Assert.Contains("cannot also approve it (four eyes)", await page.Locator("#case-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("awaiting approval", await page.Locator("#case-status").InnerTextAsync());

        // An analyst cannot approve at all; the page says why.
        await using (var analyst = await Server.NewContextAsync(ServerFixture.Analyst))
        {
            var analystPage = await analyst.NewPageAsync();
            await analystPage.GotoAsync(caseUrl);
            Assert.True(await analystPage.Locator("#approve-form button").IsDisabledAsync());
            Assert.StartsWith("Only a supervisor can approve a decision", await analystPage.Locator("#approve-why").InnerTextAsync(), StringComparison.Ordinal);
        }

        // bob, another supervisor, approves.
        await using var supervisor = await Server.NewContextAsync(ServerFixture.Supervisor);
        var bobPage = await supervisor.NewPageAsync();
        await bobPage.GotoAsync(caseUrl);
        await bobPage.GetByLabel("Add a comment").FillAsync("Checked the registry extract; approving.");
        await bobPage.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await bobPage.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        Assert.Equal("The decision was approved.", await bobPage.Locator("#case-message").InnerTextAsync());
        Assert.Equal("closed", await bobPage.Locator("#case-status").InnerTextAsync());
        var history = await bobPage.Locator("#case-history li").AllInnerTextsAsync();
        Assert.Contains(history, h => h.Contains("carol decided falsePositive", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("bob commented: Checked the registry extract; approving.", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("bob approved the decision (falsePositive)", StringComparison.Ordinal));
        await ScreenshotAsync(bobPage, "case", fullPage: false);
    });

    [Fact]
    public Task Shipment_CheckedOnPage_BlockOpensCaseWithFindings() => RunAsync(nameof(Shipment_CheckedOnPage_BlockOpensCaseWithFindings), ServerFixture.Analyst, async page =>
    {
        await page.GotoAsync("/shipment");
        var sample = await File.ReadAllTextAsync(TestPaths.InRepo("samples", "shipments", "01-alabuga-via-kazakhstan.json"));
        await page.GetByLabel("Shipment document (JSON)").FillAsync(sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check document" }).ClickAsync();
        Assert.Equal("block", await page.Locator("#shipment-decision").InnerTextAsync());

        // The page's check lands in the same auditable case an API check would open.
        await page.Locator("#shipment-case").ClickAsync();
        Assert.StartsWith("Case: Shipment SO-2024-0193 to Joint Stock Company Special Economic Zone", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var rules = await page.Locator("table.shipment-findings td[data-label=About] .muted").AllInnerTextsAsync();
        Assert.Contains("component-match", rules);
        Assert.Contains("place-of-concern", rules);
    });

    [Fact]
    public Task Batch_UploadCsv_ProgressThenNeutralisedDownloads() => RunAsync(nameof(Batch_UploadCsv_ProgressThenNeutralisedDownloads), ServerFixture.Analyst, async page =>
    {
        var csv = new StringBuilder("id,name,schema,country,birth_date\n");
        csv.Append("B-1,Qods Aviation Industries,organization,IR,\n");
        csv.Append("B-2,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\")\",,,\n");
        csv.Append("B-3,+Danube Freight,organization,AT,\n");
        csv.Append("B-4,@Rheintal Bauelemente,organization,DE,\n");
        for (var i = 5; i <= 60; i++)
        {
            csv.Append("B-").Append(i).Append(",Harbour Components ").Append(i).Append(" GmbH,organization,DE,\n");
        }

        await page.GotoAsync("/batch");
        await page.GetByLabel("Parties to screen (CSV)").SetInputFilesAsync(new FilePayload { Name = "parties.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen the file" }).ClickAsync();
        Assert.Equal(60, int.Parse(await page.Locator("#batch-progress").GetAttributeAsync("max") ?? "0", System.Globalization.CultureInfo.InvariantCulture));

        // The script polls the job and reloads once it has finished.
        await page.Locator("#download-csv").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("60", await page.Locator("#batch-done").InnerTextAsync());
        Assert.Contains("Qods Aviation Industries", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "batch");

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var csvText = await File.ReadAllTextAsync(await csvDownload.PathAsync());
        var lines = csvText.Split("\r\n");
        Assert.Equal("id,name,alert,case_id,suppressed,top_entity_id,top_name,top_score,top_note,error", lines[0]);
        Assert.StartsWith("B-1,Qods Aviation Industries,true,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("B-2,\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("B-3,'+Danube Freight,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("B-4,'@Rheintal Bauelemente,", lines[4], StringComparison.Ordinal);

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsxDownload.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = File.OpenRead(await xlsxDownload.PathAsync());
        var rows = XlsxReader.Read(stream);
        Assert.Equal(61, rows.Count);
        Assert.Equal("Qods Aviation Industries", rows[1][1].Text);
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\",\"open\")", rows[2][1].Text);
        Assert.Equal("'+Danube Freight", rows[3][1].Text);
        Assert.Equal("'@Rheintal Bauelemente", rows[4][1].Text);
        Assert.True(rows[1][7].IsNumber, "The score is a number cell.");
        Assert.DoesNotContain(rows, r => r.Any(c => c.IsFormula));
    });

    [Fact]
    public Task ScriptInjectionName_EverywhereShown_StaysInertText() => RunAsync(nameof(ScriptInjectionName_EverywhereShown_StaysInertText), ServerFixture.Analyst, async page =>
    {
        const string Injection = "<img src=x onerror=alert(1)>";
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await ScreenAsync(page, Injection);
        Assert.Equal($"Results for “{Injection}”", await page.Locator("#results-heading").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());

        await page.GotoAsync("/register");
        await page.GetByLabel("Your id").FillAsync("XSS-1");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Injection);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save party" }).ClickAsync();
        Assert.Contains(Injection, await page.Locator("#register-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());

        await page.GotoAsync("/lists?q=" + Uri.EscapeDataString(Injection));
        Assert.Contains(Injection, await page.Locator("#hits-heading").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(0, dialogs);
    });

    [Fact]
    public Task ListBrowser_SearchEntityAndDiff_ShowsNamesSourceAndChanges() => RunAsync(nameof(ListBrowser_SearchEntityAndDiff_ShowsNamesSourceAndChanges), ServerFixture.Analyst, async page =>
    {
        await page.GotoAsync("/lists?q=" + Uri.EscapeDataString("Iran Aircraft Manufacturing"));
        await page.Locator("#search-results a").First.ClickAsync();
        Assert.Equal("IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", await page.Locator("h1").InnerTextAsync());
        var names = await page.Locator("#entity-names").InnerTextAsync();
        Assert.Contains("HESA", names, StringComparison.Ordinal);
        Assert.Contains("aka", names, StringComparison.Ordinal);
        Assert.Contains("2021-07-07", await page.Locator("dl.facts").First.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "list-entity");

        await page.GotoAsync("/lists/diff?source=us_ofac_sdn&from=2021-04-25&to=2021-07-07");
        var summary = await page.Locator("#diff-summary").InnerTextAsync();
        Assert.StartsWith("us_ofac_sdn, 2021-04-25 → 2021-07-07:", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 added, 0 removed, 0 changed", summary, StringComparison.Ordinal);
        await ScreenshotAsync(page, "list-diff");
    });
}
