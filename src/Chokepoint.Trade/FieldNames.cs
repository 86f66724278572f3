namespace Chokepoint.Trade;

/// <summary>The document field paths findings name (<c>parties[2].country</c>, <c>items[0].hsCode</c>), made once for the first positions.</summary>
/// <remarks>Every finding names a field; documents rarely have more than a few dozen parties, items or route points. Thread-safe.</remarks>
internal static class FieldNames
{
    private const int Cached = 32;

    public static readonly FieldName Party = new("parties[", "]");
    public static readonly FieldName PartyCountry = new("parties[", "].country");
    public static readonly FieldName PartyAddress = new("parties[", "].address");
    public static readonly FieldName Item = new("items[", "]");
    public static readonly FieldName ItemHsCode = new("items[", "].hsCode");
    public static readonly FieldName ItemDescription = new("items[", "].description");
    public static readonly FieldName ItemPartNumber = new("items[", "].partNumber");
    public static readonly FieldName RouteCountry = new("route[", "].country");
    public static readonly FieldName RoutePlace = new("route[", "].place");

    /// <summary>One kind of path, <c>prefix{index}suffix</c>.</summary>
    internal sealed class FieldName(string prefix, string suffix)
    {
        private readonly string[] _first = [.. Enumerable.Range(0, Cached).Select(i => $"{prefix}{i}{suffix}")];

        /// <summary>Returns the path at a position.</summary>
        public string this[int index] => (uint)index < Cached ? _first[index] : $"{prefix}{index}{suffix}";
    }
}
