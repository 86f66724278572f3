using System.Globalization;
using System.Text.Json;
using Chokepoint.Cases;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Trade;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages;

/// <summary>Checks one shipment document (pasted, uploaded, or filled in as a form) and shows the decision and findings.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class ShipmentModel(ScreeningState state, TradeReference reference, ShipmentCheckService shipments) : PageModel
{
    /// <summary>The largest document accepted from the page.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ShipmentForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public IReadOnlyList<ShipmentDiagnostic> Problems { get; private set; } = [];

    public ShipmentResult? Result { get; private set; }

    public string? Status { get; private set; }

    /// <summary>Gets the case a review or block opened or joined.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>Formats an evidence value for display: text as is, lists joined with commas, anything else as compact JSON.</summary>
    public static string Show(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Show)),
        _ => JsonSerializer.Serialize(value, CaseJson.Options),
    };

    public void OnGet() => Status = Unavailable();

    public async Task<IActionResult> OnPostDocumentAsync(CancellationToken cancellationToken)
    {
        var json = Json;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxDocumentBytes)
            {
                Error = $"The file has {file.Length} bytes; at most {MaxDocumentBytes} are accepted.";
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            Error = "Paste a shipment document or choose a file.";
            return Page();
        }

        await CheckAsync(json, Upload?.FileName ?? "pasted document");
        return Page();
    }

    public async Task<IActionResult> OnPostFormAsync()
    {
        await CheckAsync(Form.ToJson(), "form");
        return Page();
    }

    private async Task CheckAsync(string json, string sourceName)
    {
        Status = Unavailable();
        var parsed = ShipmentDocumentParser.Parse(json, sourceName);
        if (parsed.Document is not { } doc)
        {
            Error = "The shipment document is not valid.";
            Problems = parsed.Errors;
            return;
        }

        if (Status is not null)
        {
            return;
        }

        var outcome = await shipments.CheckAsync(state.Current!, reference.Data!, doc, User.Identity?.Name ?? "web");
        Result = outcome.Result;
        CaseId = outcome.CaseId;
    }

    private string? Unavailable() =>
        state.Current is null ? state.Status
        : reference.Data is null ? reference.Status
        : null;
}

/// <summary>The fields of the simple shipment form: one buyer, one item, one destination.</summary>
public sealed class ShipmentForm
{
    public string? Id { get; set; }

    public string? Seller { get; set; }

    public string? SellerCountry { get; set; }

    public string? Buyer { get; set; }

    public string? BuyerCountry { get; set; }

    public string? BuyerAddress { get; set; }

    public string? Description { get; set; }

    public string? HsCode { get; set; }

    public string? PartNumber { get; set; }

    public string? Manufacturer { get; set; }

    public string? Destination { get; set; }

    public string? EndUse { get; set; }

    /// <summary>Returns the form as a shipment document in the JSON format the parser reads.</summary>
    public string ToJson()
    {
        var parties = new List<object>();
        if (!string.IsNullOrWhiteSpace(Seller))
        {
            parties.Add(new { role = "seller", name = Seller, country = SellerCountry });
        }

        parties.Add(new { role = "buyer", name = Buyer, country = BuyerCountry, address = BuyerAddress });
        var doc = new Dictionary<string, object?>
        {
            ["id"] = string.IsNullOrWhiteSpace(Id) ? "web-form" : Id,
            ["parties"] = parties,
            ["items"] = new[] { new { description = Description, hsCode = HsCode, partNumber = PartNumber, manufacturer = Manufacturer } },
            ["route"] = string.IsNullOrWhiteSpace(Destination) ? Array.Empty<object>() : [new { country = Destination }],
            ["declaredEndUse"] = EndUse,
        };
        return JsonSerializer.Serialize(doc, CaseJson.Options);
    }
}
