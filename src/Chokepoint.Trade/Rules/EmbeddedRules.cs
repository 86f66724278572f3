namespace Chokepoint.Trade;

/// <summary>Reads the JSON tables shipped inside the assembly (<c>Rules/*.json</c>).</summary>
internal static class EmbeddedRules
{
    public static string Read(string fileName)
    {
        var name = "Chokepoint.Trade.Rules." + fileName;
        using var stream = typeof(EmbeddedRules).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
