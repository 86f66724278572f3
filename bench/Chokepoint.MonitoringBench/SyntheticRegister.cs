using System.Globalization;
using Chokepoint.Cases;
using Chokepoint.Core;

namespace Chokepoint.MonitoringBench;

/// <summary>A reproducible register of customers and suppliers: people and companies of many cultures, a few of them close to listed entries.</summary>
internal static class SyntheticRegister
{
    private static readonly string[][] GivenNames =
    [
        ["Ivan", "Sergei", "Dmitry", "Olga", "Natalia", "Alexei", "Tatiana", "Mikhail", "Yulia", "Pavel"],
        ["Mohammed", "Ahmad", "Fatima", "Ali", "Hassan", "Khalid", "Layla", "Omar", "Yousef", "Mariam"],
        ["Reza", "Mehdi", "Zahra", "Hossein", "Maryam", "Saeed", "Shirin", "Amir", "Parisa", "Dariush"],
        ["Wei", "Jing", "Hao", "Xiaoming", "Mei", "Jun", "Lan", "Zhiwei", "Yan", "Qiang"],
        ["Carlos", "Maria", "Jose", "Lucia", "Javier", "Camila", "Diego", "Valentina", "Andres", "Sofia"],
        ["Hans", "Klaus", "Anna", "Jurgen", "Ursula", "Matthias", "Greta", "Stefan", "Birgit", "Lukas"],
        ["Mehmet", "Ayse", "Mustafa", "Elif", "Emre", "Zeynep", "Burak", "Fatma", "Can", "Selin"],
        ["Raj", "Priya", "Arjun", "Ananya", "Vikram", "Lakshmi", "Rohan", "Kavya", "Suresh", "Deepa"],
        ["John", "Emily", "Michael", "Sarah", "David", "Jessica", "James", "Laura", "Robert", "Hannah"],
        ["Hiroshi", "Yuki", "Takeshi", "Haruka", "Kenji", "Aiko", "Satoshi", "Naomi", "Daichi", "Emi"],
        ["Min-jun", "Ji-woo", "Seo-yeon", "Hyun-woo", "Soo-ah", "Jae-won", "Eun-ji", "Dong-hyun", "Ha-eun", "Sung-min"],
        ["Chinedu", "Ngozi", "Oluwaseun", "Amaka", "Emeka", "Funmilayo", "Tunde", "Chiamaka", "Babajide", "Ifeoma"],
        ["Thanh", "Linh", "Minh", "Huong", "Tuan", "Mai", "Quang", "Ngoc", "Duc", "Thu"],
    ];

    private static readonly string[][] Surnames =
    [
        ["Ivanov", "Smirnova", "Kuznetsov", "Popova", "Sokolov", "Lebedeva", "Kozlov", "Novikova", "Morozov", "Volkova"],
        ["Al-Rashid", "Haddad", "Nasser", "Khoury", "Mansour", "Saleh", "Darwish", "Hamdan", "Aziz", "Qasim"],
        ["Hosseini", "Mohammadi", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari", "Rahimi", "Sadeghi", "Tehrani"],
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"],
        ["Garcia", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores"],
        ["Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz"],
        ["Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Aydin", "Ozturk", "Arslan", "Dogan"],
        ["Sharma", "Patel", "Singh", "Kumar", "Reddy", "Iyer", "Gupta", "Nair", "Mehta", "Rao"],
        ["Smith", "Johnson", "Williams", "Brown", "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"],
        ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebayo", "Obi", "Afolabi", "Chukwu"],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo"],
    ];

    private static readonly string[] CultureCountries = ["RU", "AE", "IR", "CN", "ES", "DE", "TR", "IN", "GB", "JP", "KR", "NG", "VN"];

    private static readonly string[] CompanyWords =
    [
        "Volga", "Ural", "Baltic", "Nordic", "Pacific", "Atlas", "Orion", "Zenith", "Delta", "Summit", "Harbor", "Meridian",
        "Shenzhen", "Huaxin", "Jinlong", "Anatolia", "Bosphorus", "Gulf", "Caspian", "Sahel", "Andes", "Danube", "Rhine",
        "Sakura", "Hanil", "Lagos", "Mekong", "Alpine", "Coastal", "United", "Global", "Prime", "Apex", "Vertex", "Polar",
        "Electronics", "Components", "Trading", "Logistics", "Shipping", "Industrial", "Engineering", "Microsystems",
        "Semiconductor", "Freight", "Import Export", "Technologies", "Machinery", "Supply", "Metals", "Optics", "Avionics",
        "Marine", "Solutions", "Distribution", "Instruments", "Controls", "Power", "Systems", "Holdings", "Partners",
    ];

    private static readonly string[] LegalForms =
    [
        "LLC", "Ltd", "GmbH", "AG", "S.A.", "S.L.", "OOO", "AO", "Co., Ltd.", "Pte Ltd", "FZE", "FZCO", "A.S.", "Inc.",
        "Corp.", "B.V.", "S.p.A.", "SARL", "Sp. z o.o.", "Kft.", "JSC", "PJSC", "Pvt Ltd", "K.K.",
    ];

    /// <summary>Generates <paramref name="count"/> parties with ids <c>P0000001</c>…; the first near-list ones replace random ones.</summary>
    /// <param name="count">How many parties.</param>
    /// <param name="nearDelta">Entries of the update; variants of their names are planted (they must alert in the delta re-screen).</param>
    /// <param name="nearOther">Entries already listed before; variants are planted (only a full re-screen finds them).</param>
    /// <param name="seed">The random seed.</param>
    public static List<RegisterRow> Generate(int count, IReadOnlyList<ListEntry> nearDelta, IReadOnlyList<ListEntry> nearOther, int seed)
    {
        var random = new Random(seed);
        var rows = new List<RegisterRow>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(Random(random, i + 1));
        }

        // Planted parties sit at spread-out positions, so they do not all come from one end of the table.
        Plant(rows, random, nearDelta, 3, "D");
        Plant(rows, random, nearOther, 1, "L");
        return rows;
    }

    private static void Plant(List<RegisterRow> rows, Random random, IReadOnlyList<ListEntry> entries, int variants, string tag)
    {
        foreach (var entry in entries)
        {
            for (var v = 0; v < variants; v++)
            {
                var at = random.Next(rows.Count);
                var country = entry.Countries.Count > 0 ? entry.Countries[0] : null;
                var birth = entry.BirthDates.Count > 0 && v == 0 ? entry.BirthDates[0].ToString() : null;
                rows[at] = new RegisterRow(at + 2, $"P{at + 1:D7}-{tag}", Variant(entry.Name, v, random), entry.Schema, country, birth);
            }
        }
    }

    // The kinds of difference a customer master has from the list: case, a typo, word order.
    private static string Variant(string name, int kind, Random random)
    {
        switch (kind)
        {
            case 0:
                return name.ToUpperInvariant();
            case 1:
                var chars = name.ToCharArray();
                var letters = Enumerable.Range(1, Math.Max(0, chars.Length - 2)).Where(i => char.IsLetter(chars[i]) && char.IsLetter(chars[i + 1])).ToList();
                if (letters.Count > 0)
                {
                    var i = letters[random.Next(letters.Count)];
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                }

                return new string(chars);
            default:
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return words.Length > 1 ? string.Join(' ', words[1..]) + " " + words[0] : name.ToLowerInvariant();
        }
    }

    private static RegisterRow Random(Random random, int number)
    {
        var id = "P" + number.ToString("D7", CultureInfo.InvariantCulture);
        var culture = random.Next(GivenNames.Length);
        var country = random.Next(10) < 7 ? CultureCountries[culture] : null;
        if (random.Next(10) < 6)
        {
            var given = GivenNames[culture][random.Next(10)];
            var middle = random.Next(4) == 0 ? " " + GivenNames[culture][random.Next(10)] : "";
            var name = $"{given}{middle} {Surnames[culture][random.Next(10)]}";
            var birth = random.Next(5) < 2 ? $"{1950 + random.Next(55)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}" : null;
            return new RegisterRow(number + 1, id, name, EntitySchema.Person, country, birth);
        }

        var words = random.Next(3) + 1;
        var company = CompanyWords[random.Next(CompanyWords.Length)];
        for (var w = 1; w < words; w++)
        {
            company += " " + CompanyWords[random.Next(CompanyWords.Length)];
        }

        // Some companies carry a founder's surname, as many small distributors do.
        if (random.Next(4) == 0)
        {
            company = Surnames[culture][random.Next(10)] + " " + company;
        }

        var form = LegalForms[random.Next(LegalForms.Length)];
        return new RegisterRow(number + 1, id, random.Next(5) == 0 ? form + " " + company : company + " " + form, EntitySchema.Organization, country, null);
    }
}
