using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>
/// Words of Chinese company names, in simplified and traditional characters, and the English words lists use for them
/// (有限公司 is Limited, 电子 is Electronics, 机械 is Machinery).
/// </summary>
/// <remarks>
/// A listed Chinese company usually carries its English name: the place and brand are romanised (pinyin, met through
/// compound matching) but the trade words are translated, which no romanisation reaches. Only words of two characters
/// or more are read, so a one-character given name is never taken for a word. Built once; thread-safe.
/// </remarks>
internal static class HanWords
{
    /// <summary>The longest word, in characters.</summary>
    public const int MaxLength = 6;

    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["股份有限公司"] = "co ltd", ["有限责任公司"] = "co ltd", ["有限責任公司"] = "co ltd", ["有限公司"] = "co ltd",
        ["股份公司"] = "joint stock company", ["集团公司"] = "group company", ["集團公司"] = "group company", ["公司"] = "company",
        ["集团"] = "group", ["集團"] = "group", ["控股"] = "holdings", ["国际"] = "international", ["國際"] = "international",
        ["贸易"] = "trading", ["貿易"] = "trading", ["商贸"] = "trading", ["商貿"] = "trading", ["进出口"] = "import export",
        ["進出口"] = "import export", ["实业"] = "industrial", ["實業"] = "industrial", ["工业"] = "industrial", ["工業"] = "industrial",
        ["科技"] = "technology", ["技术"] = "technology", ["技術"] = "technology", ["微电子"] = "microelectronics",
        ["微電子"] = "microelectronics", ["电子"] = "electronics", ["電子"] = "electronics", ["半导体"] = "semiconductor",
        ["半導體"] = "semiconductor", ["机械"] = "machinery",
        ["機械"] = "machinery", ["机器"] = "machinery", ["機器"] = "machinery", ["设备"] = "equipment", ["設備"] = "equipment",
        ["数控"] = "cnc", ["數控"] = "cnc", ["动力"] = "power", ["動力"] = "power", ["能源"] = "energy", ["航运"] = "shipping",
        ["航運"] = "shipping", ["海运"] = "shipping", ["海運"] = "shipping", ["船务"] = "shipping", ["船務"] = "shipping",
        ["物流"] = "logistics", ["投资"] = "investment", ["投資"] = "investment", ["发展"] = "development", ["發展"] = "development",
        ["工程"] = "engineering", ["化工"] = "chemical", ["材料"] = "materials", ["仪器"] = "instruments", ["儀器"] = "instruments",
        ["香港"] = "hong kong", ["航空"] = "aviation", ["制造"] = "manufacturing", ["製造"] = "manufacturing",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Finds the longest known word starting at <paramref name="start"/>; returns its length (0 when none).</summary>
    public static int Match(ReadOnlySpan<char> text, int start, out string? english)
    {
        for (var len = Math.Min(MaxLength, text.Length - start); len >= 2; len--)
        {
            if (Lookup.TryGetValue(text.Slice(start, len), out english))
            {
                return len;
            }
        }

        english = null;
        return 0;
    }
}
