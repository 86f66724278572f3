using System.Text.Json;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>Reads API answers in tests.</summary>
public static class ApiJson
{
    /// <summary>Asserts the response succeeded (naming its status and body otherwise) and returns its JSON.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
