using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>
/// Words of Chinese company names, in simplified and traditional characters, and the English words lists use for them
/// (有限公司 is Limited, 电子 is Electronics, 机械 is Machinery).
/// </summary>
/// <remarks>
/// A listed Chinese company usually carries its English name: the brand is romanised (pinyin, met through compound
/// matching), the place is romanised as one word (Suzhou, Ningbo), and the trade words are translated, which no
/// romanisation reaches. Only words of two characters or more are read, so a one-character given name is never taken
/// for a word; words that are also common given names (海洋 Haiyang, 建设 Jianshe), or that would take a character
/// from the word before them (光电 in 华光电子, Huaguang Electronics), are left out. Built once; thread-safe.
/// </remarks>
internal static class HanWords
{
    /// <summary>The longest word, in characters.</summary>
    public const int MaxLength = 6;

    // Simplified form, traditional form where it differs, and the English words lists use. Place names are written as
    // lists write them, joined (Suzhou, Ningbo), so a place meets its listed spelling as one token.
    private static readonly (string Simplified, string? Traditional, string English)[] Entries =
    [
        ("股份有限公司", null, "co ltd"),
        // Japanese kabushiki kaisha and yugen kaisha, which lists write Co., Ltd.
        ("株式会社", null, "co ltd"),
        ("有限会社", null, "co ltd"),
        ("有限责任公司", "有限責任公司", "co ltd"),
        ("有限公司", null, "co ltd"),
        ("股份公司", null, "joint stock company"),
        ("集团公司", "集團公司", "group company"),
        ("分公司", null, "branch"),
        ("公司", null, "company"),
        ("集团", "集團", "group"),
        ("控股", null, "holdings"),
        ("企业", "企業", "enterprise"),
        ("工厂", "工廠", "factory"),
        ("研究所", null, "research institute"),
        // 研究院 is listed as Academy (China Academy of Engineering Physics), 研究所 as Institute.
        ("研究院", null, "academy"),
        ("研究中心", null, "research center"),
        ("中心", null, "center"),
        ("实验室", "實驗室", "laboratory"),
        ("大学", "大學", "university"),
        ("学院", "學院", "institute"),
        ("国际", "國際", "international"),
        ("贸易", "貿易", "trading"),
        ("商贸", "商貿", "trading"),
        ("外贸", "外貿", "foreign trade"),
        ("经贸", "經貿", "economic trade"),
        ("商务", "商務", "business"),
        ("进出口", "進出口", "import export"),
        ("实业", "實業", "industrial"),
        ("工业", "工業", "industrial"),
        ("产业", "產業", "industry"),
        ("投资", "投資", "investment"),
        ("发展", "發展", "development"),
        ("管理", null, "management"),
        ("咨询", "諮詢", "consulting"),
        ("服务", "服務", "services"),
        ("供应链", "供應鏈", "supply chain"),
        ("物流", null, "logistics"),
        ("货运", "貨運", "freight"),
        ("运输", "運輸", "transport"),
        ("航运", "航運", "shipping"),
        ("海运", "海運", "shipping"),
        ("船务", "船務", "shipping"),
        ("船舶", null, "marine"),
        ("海事", null, "maritime"),
        ("科学技术", "科學技術", "science technology"),
        ("高新技术", "高新技術", "high technology"),
        ("高科技", null, "high technology"),
        ("科技", null, "technology"),
        ("技术", "技術", "technology"),
        ("科学", "科學", "science"),
        ("工程", null, "engineering"),
        ("设计", "設計", "design"),
        ("研发", "研發", "research development"),
        ("微电子", "微電子", "microelectronics"),
        ("电子", "電子", "electronics"),
        ("半导体", "半導體", "semiconductor"),
        ("集成电路", "集成電路", "integrated circuit"),
        ("元器件", null, "components"),
        ("电子元件", "電子元件", "electronic components"),
        ("元件", null, "components"),
        ("电气", "電氣", "electric"),
        ("电器", "電器", "electrical"),
        ("机电", "機電", "electromechanical"),
        ("电力", "電力", "power"),
        ("电源", "電源", "power supply"),
        ("电池", "電池", "battery"),
        ("通信", null, "communication"),
        ("通讯", "通訊", "communication"),
        ("网络", "網絡", "network"),
        ("信息", null, "information"),
        ("资讯", "資訊", "information"),
        ("软件", "軟件", "software"),
        ("系统", "系統", "systems"),
        ("自动化", "自動化", "automation"),
        ("智能", null, "intelligent"),
        ("传感器", "傳感器", "sensor"),
        ("激光", null, "laser"),
        ("精密", null, "precision"),
        ("仪器", "儀器", "instruments"),
        ("仪表", "儀表", "instruments"),
        ("机械", "機械", "machinery"),
        ("机器", "機器", "machinery"),
        ("机床", "機床", "machine tool"),
        ("数控", "數控", "cnc"),
        ("设备", "設備", "equipment"),
        ("装备", "裝備", "equipment"),
        ("器材", null, "equipment"),
        ("动力", "動力", "power"),
        ("能源", null, "energy"),
        ("新能源", null, "new energy"),
        ("航空航天", null, "aerospace"),
        ("航天", null, "aerospace"),
        ("航空", null, "aviation"),
        ("无人机", "無人機", "uav"),
        ("飞机", "飛機", "aircraft"),
        ("汽车", "汽車", "automobile"),
        ("零部件", null, "parts"),
        ("配件", null, "parts"),
        ("轴承", "軸承", "bearing"),
        ("模具", null, "mould"),
        ("制造", "製造", "manufacturing"),
        ("加工", null, "processing"),
        ("化工", null, "chemical"),
        ("化学", "化學", "chemical"),
        ("材料", null, "materials"),
        ("新材料", null, "new materials"),
        ("金属", "金屬", "metal"),
        ("钢铁", "鋼鐵", "steel"),
        ("矿业", "礦業", "mining"),
        ("石油", null, "petroleum"),
        ("石化", null, "petrochemical"),
        ("塑料", null, "plastics"),
        ("橡胶", "橡膠", "rubber"),
        ("纺织", "紡織", "textile"),
        ("医疗", "醫療", "medical"),
        ("医药", "醫藥", "pharmaceutical"),
        ("生物", null, "biological"),
        ("农业", "農業", "agriculture"),
        ("食品", null, "food"),
        ("建筑", "建築", "construction"),
        // Banks and the defence industry: trade finance and the export-control lists' own vocabulary.
        ("银行", "銀行", "bank"),
        ("金融", null, "financial"),
        ("保险", "保險", "insurance"),
        ("证券", "證券", "securities"),
        ("资本", "資本", "capital"),
        ("基金", null, "fund"),
        ("国防", "國防", "national defense"),
        ("科工", null, "science industry"),
        ("兵器", null, "ordnance"),
        ("军工", "軍工", "military industry"),
        ("重工", null, "heavy industry"),
        ("核工业", "核工業", "nuclear industry"),
        ("原子能", null, "atomic energy"),
        ("工程物理", null, "engineering physics"),
        ("运载火箭", "運載火箭", "launch vehicle"),
        ("火箭", null, "rocket"),
        ("导弹", "導彈", "missile"),
        ("雷达", "雷達", "radar"),
        ("卫星", "衛星", "satellite"),
        ("导航", "導航", "navigation"),
        ("微波", null, "microwave"),
        ("射频", "射頻", "rf"),
        ("光学", "光學", "optics"),
        ("电缆", "電纜", "cable"),
        ("电机", "電機", "motor"),
        ("发动机", "發動機", "engine"),
        ("无线电", "無線電", "radio"),
        ("芯片", null, "chip"),
        ("五金", null, "hardware"),
        ("矿产", "礦產", "minerals"),
        ("物资", "物資", "materials"),
        ("油气", "油氣", "oil gas"),
        ("天然气", "天然氣", "natural gas"),
        ("电信", "電信", "telecom"),
        ("电子科技大学", "電子科技大學", "university electronic science technology"),
        ("国防科技大学", "國防科技大學", "national university defense technology"),
        ("航空航天大学", "航空航天大學", "university aeronautics astronautics"),
        ("香港", null, "hong kong"),
        ("澳门", "澳門", "macau"),
        ("中国", "中國", "china"),
        ("台湾", "臺灣", "taiwan"),
        ("台北", "臺北", "taipei"),
        ("北京", null, "beijing"),
        ("上海", null, "shanghai"),
        ("天津", null, "tianjin"),
        ("重庆", "重慶", "chongqing"),
        ("深圳", null, "shenzhen"),
        ("广州", "廣州", "guangzhou"),
        ("东莞", "東莞", "dongguan"),
        ("佛山", null, "foshan"),
        ("珠海", null, "zhuhai"),
        ("惠州", null, "huizhou"),
        ("汕头", "汕頭", "shantou"),
        ("厦门", "廈門", "xiamen"),
        ("福州", null, "fuzhou"),
        ("泉州", null, "quanzhou"),
        ("杭州", null, "hangzhou"),
        ("宁波", "寧波", "ningbo"),
        ("温州", "溫州", "wenzhou"),
        ("苏州", "蘇州", "suzhou"),
        ("无锡", "無錫", "wuxi"),
        ("常州", null, "changzhou"),
        ("南京", null, "nanjing"),
        ("南通", null, "nantong"),
        ("青岛", "青島", "qingdao"),
        ("济南", "濟南", "jinan"),
        ("烟台", "煙台", "yantai"),
        ("大连", "大連", "dalian"),
        ("沈阳", "瀋陽", "shenyang"),
        ("哈尔滨", "哈爾濱", "harbin"),
        ("长春", "長春", "changchun"),
        ("武汉", "武漢", "wuhan"),
        ("长沙", "長沙", "changsha"),
        ("成都", null, "chengdu"),
        ("西安", null, "xian"),
        ("郑州", "鄭州", "zhengzhou"),
        ("合肥", null, "hefei"),
        ("南昌", null, "nanchang"),
        ("昆明", null, "kunming"),
        ("贵阳", "貴陽", "guiyang"),
        ("南宁", "南寧", "nanning"),
        ("海口", null, "haikou"),
        ("石家庄", "石家莊", "shijiazhuang"),
        ("太原", null, "taiyuan"),
        ("兰州", "蘭州", "lanzhou"),
        ("乌鲁木齐", "烏魯木齊", "urumqi"),
        ("广东", "廣東", "guangdong"),
        ("江苏", "江蘇", "jiangsu"),
        ("浙江", null, "zhejiang"),
        ("山东", "山東", "shandong"),
        ("福建", null, "fujian"),
        ("河北", null, "hebei"),
        ("河南", null, "henan"),
        ("湖北", null, "hubei"),
        ("湖南", null, "hunan"),
        ("四川", null, "sichuan"),
        ("安徽", null, "anhui"),
        ("辽宁", "遼寧", "liaoning"),
        ("陕西", "陝西", "shaanxi"),
        ("山西", null, "shanxi"),
        ("江西", null, "jiangxi"),
        ("云南", "雲南", "yunnan"),
        ("贵州", "貴州", "guizhou"),
        ("广西", "廣西", "guangxi"),
        ("吉林", null, "jilin"),
        ("黑龙江", "黑龍江", "heilongjiang"),
        ("新疆", null, "xinjiang"),
        ("甘肃", "甘肅", "gansu"),
        ("海南", null, "hainan"),
        ("内蒙古", "內蒙古", "inner mongolia"),
    ];

    // Characters read two ways whose general-purpose reading is not the one names use: 长 is chang in Changsha and
    // Li Changchun (zhang is "to grow"), 曾 is the surname Zeng (ceng is "once"), 厦 is xia in Xiamen (sha is "mansion").
    private static readonly FrozenDictionary<char, string> NameReadings = new Dictionary<char, string>
    {
        ['长'] = "chang", ['長'] = "chang", ['厦'] = "xia", ['廈'] = "xia", ['曾'] = "zeng", ['仇'] = "qiu",
        ['都'] = "du", ['藏'] = "zang", ['翟'] = "zhai", ['缪'] = "miao", ['繆'] = "miao", ['薄'] = "bo", ['卜'] = "bu",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Words = Build();

    // Places are the entries from 香港 on; lists write them without the 市 (city) or 省 (province) after them.
    private static readonly FrozenSet<string> Places = [.. Entries.SkipWhile(e => e.Simplified != "香港").Select(e => e.English)];

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Finds the longest known word starting at <paramref name="start"/>; returns its length (0 when none).</summary>
    public static int Match(ReadOnlySpan<char> text, int start, out string? english)
    {
        for (var len = Math.Min(MaxLength, text.Length - start); len >= 2; len--)
        {
            if (Lookup.TryGetValue(text.Slice(start, len), out english))
            {
                var end = start + len;
                return end < text.Length && text[end] is '市' or '省' && Places.Contains(english) ? len + 1 : len;
            }
        }

        english = null;
        return 0;
    }

    /// <summary>
    /// Reads a Chinese number that numbers an institute, academy or factory: after 第 (第十四研究所, the 14th Research
    /// Institute) or before 所, 院 or 厂 (七〇一所, Institute 701; 二院, Second Academy). Returns the characters read
    /// (第 included) and the digits, or 0 when there is none: a numeral elsewhere may be part of a name (张三).
    /// </summary>
    public static int Numeral(ReadOnlySpan<char> text, int start, out string? digits)
    {
        digits = null;
        var ordinal = text[start] == '第';
        var i = ordinal ? start + 1 : start;
        var end = i;
        while (end < text.Length && NumeralValue(text[end]) >= 0)
        {
            end++;
        }

        if (end == i || (!ordinal && (end >= text.Length || text[end] is not ('所' or '院' or '厂' or '廠'))))
        {
            return 0;
        }

        var run = text[i..end];
        long value;
        if (run.IndexOfAny('十', '百') < 0)
        {
            // Written digit by digit (七〇一: 701).
            value = 0;
            foreach (var c in run)
            {
                value = (value * 10) + NumeralValue(c);
            }
        }
        else
        {
            // Positional (二十三: 23; 一百零五: 105; 十四: 14).
            value = 0;
            var pending = -1;
            foreach (var c in run)
            {
                var v = NumeralValue(c);
                if (c is '十' or '百')
                {
                    value += (pending < 0 ? 1 : pending) * v;
                    pending = -1;
                }
                else
                {
                    pending = v;
                }
            }

            value += Math.Max(pending, 0);
        }

        if (value is <= 0 or > 9999)
        {
            return 0;
        }

        digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return end - start;
    }

    private static int NumeralValue(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        _ => -1,
    };

    /// <summary>The reading a character has in names where it differs from its general-purpose one, or null.</summary>
    public static string? NameReading(char c) => NameReadings.GetValueOrDefault(c);

    private static FrozenDictionary<string, string> Build()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (simplified, traditional, english) in Entries)
        {
            words[simplified] = english;
            if (traditional is not null)
            {
                words[traditional] = english;
            }
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
