using BenchmarkDotNet.Attributes;
using Chokepoint.Benchmarks.Matching;
using Chokepoint.Core;
using Chokepoint.Text;
using Chokepoint.Trade;

namespace Chokepoint.Benchmarks.Trade;

/// <summary>
/// Shipment screening throughput for a 5-party, 10-item document: the trade checks alone (parties screen clean through
/// a no-op screener) against the full check with the matching engine over every staged list, one document and a batch
/// of 1,000 spread over the cores. The trade checks keep the normalised form of short texts across documents, so the
/// <c>Varied</c> rows check 4,000 documents whose buyers, forwarders, end users, addresses and descriptions all differ:
/// more distinct texts than that cache holds, so every varied text is normalised afresh, as for new customers.
/// </summary>
[MemoryDiagnoser]
public class ShipmentCheckBenchmarks
{
    private const int Batch = 1000;
    private const int VariedCount = 4000;

    private ShipmentScreener _tradeOnly = null!;
    private ShipmentScreener _full = null!;
    private ShipmentDocument _doc = null!;
    private ShipmentDocument[] _varied = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var reference = ReferenceData.Load(Path.Combine(MatchingData.Shared, "reference")).Data
            ?? throw new InvalidOperationException("reference tables not found");
        _tradeOnly = new ShipmentScreener(reference, new CleanScreener());
        _full = new ShipmentScreener(reference, ScreeningEngine.Build(MatchingData.Lists));
        _doc = ShipmentDocumentParser.Parse(Document).Document ?? throw new InvalidOperationException("bad benchmark document");
        _varied = [.. Enumerable.Range(0, VariedCount).Select(Varied)];
    }

    [Benchmark(Baseline = true)]
    public ShipmentResult TradeChecksOnly() => _tradeOnly.Check(_doc);

    [Benchmark]
    public ShipmentResult WithMatchingEngine() => _full.Check(_doc);

    [Benchmark(OperationsPerInvoke = Batch)]
    public void WithMatchingEngineBatchParallel() => Parallel.For(0, Batch, _ => _full.Check(_doc));

    [Benchmark(OperationsPerInvoke = Batch)]
    public void TradeChecksOnlyBatchParallel() => Parallel.For(0, Batch, _ => _tradeOnly.Check(_doc));

    [Benchmark]
    public ShipmentResult TradeChecksOnlyVaried() => _tradeOnly.Check(_varied[_next++ % VariedCount]);

    [Benchmark]
    public ShipmentResult WithMatchingEngineVaried() => _full.Check(_varied[_next++ % VariedCount]);

    [Benchmark(OperationsPerInvoke = VariedCount)]
    public void WithMatchingEngineVariedBatchParallel() => Parallel.For(0, VariedCount, i => _full.Check(_varied[i]));

    // Document i of the varied set: the same seller, items and route, other parties, addresses and descriptions.
    private static ShipmentDocument Varied(int i)
    {
        // Company names built from three word lists (20 x 10 x 20 = 4,000 distinct names each), without running numbers.
        string[] first = ["Steppe", "Altyn", "Orion", "Baikonur", "Karavan", "Nomad", "Zhetysu", "Aral", "Tengri", "Irtysh", "Saryarka", "Kokshe", "Ural", "Turan", "Atlas", "Vega", "Sirius", "Polar", "Delta", "Zenith"];
        string[] second = ["Components", "Electronics", "Systems", "Supply", "Technologies", "Industrial", "Instruments", "Engineering", "Commerce", "Partners"];
        string[] third = ["Trading LLP", "Group LLP", "Import LLP", "Distribution LLP", "Solutions LLP", "Service LLP", "Logic LLP", "Market LLP", "Resource LLP", "Invest LLP", "Project LLP", "Standard LLP", "Capital LLP", "Alliance LLP", "Center LLP", "Holding LLP", "Export LLP", "Line LLP", "Star LLP", "Bridge LLP"];
        string[] works = ["Works", "Plant", "Factory", "Bureau", "Institute", "Laboratory", "Design Office", "Machine Works", "Instrument Plant", "Research Center", "Production Company", "Manufacturing", "Assembly Plant", "Foundry", "Workshop", "Mechanical Plant", "Optics", "Radio Plant", "Avionics", "Automation"];
        string[] cargo = ["Cargo Logistics", "Freight", "Forwarding", "Transit", "Express", "Shipping", "Logistics Group", "Cargo Service", "Transport", "Delivery", "Air Cargo", "Line Logistics", "Trans Service", "Carriers", "Moving", "Couriers", "Haulage", "Port Services", "Global Logistics", "Rail Cargo"];
        var buyer = $"{first[i % 20]} {second[i / 20 % 10]} {third[i / 200 % 20]}";
        var endUser = $"{second[i % 10]} {first[i / 10 % 20]} {works[i / 200 % 20]} LLC";
        var forwarder = $"{first[(i + 7) % 20]} {second[(i / 20 + 3) % 10]} {cargo[i / 200 % 20]}";
        var text = Document
            .Replace("BENCH-1", $"BENCH-V{i}", StringComparison.Ordinal)
            .Replace("Steppe Components Trading LLP", buyer, StringComparison.Ordinal)
            .Replace("Abay Avenue 150, office 312", $"Abay Avenue {(i % 300) + 1}, office {i}", StringComparison.Ordinal)
            .Replace("Kama Instrument Works LLC", endUser, StringComparison.Ordinal)
            .Replace("Silk Way Cargo Logistics", forwarder, StringComparison.Ordinal)
            .Replace("Almaty airport cargo terminal", $"Almaty airport cargo terminal, bay {i}", StringComparison.Ordinal)
            .Replace("г. Елабуга\"", $"г. Елабуга, ул. Строителей, д. {i}\"", StringComparison.Ordinal)
            .Replace("microcontroller\"", $"microcontroller, lot {i}\"", StringComparison.Ordinal)
            .Replace("GNSS receiver module", $"GNSS receiver module, lot {i}", StringComparison.Ordinal)
            .Replace("industrial automation", $"industrial automation, project {i}", StringComparison.Ordinal);
        return ShipmentDocumentParser.Parse(text).Document ?? throw new InvalidOperationException($"bad varied document {i}");
    }

    private sealed class CleanScreener : IPartyScreener
    {
        public ScreeningResult Screen(PartyQuery query, ScreeningOptions? options = null) => new(query.Id, false, options?.Threshold ?? 0.7, []);
    }

    private const string Document = """
        {"id": "BENCH-1", "date": "2024-03-02",
         "parties": [
           {"role": "seller", "name": "Rheintal Bauelemente Vertrieb GmbH", "country": "DE", "address": "Industriestrasse 14, 68169 Mannheim"},
           {"role": "buyer", "name": "Steppe Components Trading LLP", "country": "KZ", "address": "Abay Avenue 150, office 312, Almaty", "incorporated": "2023-05-11"},
           {"role": "consignee", "name": "Steppe Components Trading LLP", "country": "KZ", "address": "Abay Avenue 150, office 312, Almaty"},
           {"role": "end_user", "name": "Kama Instrument Works LLC", "country": "RU", "address": "423600, Республика Татарстан, г. Елабуга"},
           {"role": "freight_forwarder", "name": "Silk Way Cargo Logistics", "country": "KZ", "address": "Almaty airport cargo terminal"}],
         "items": [
           {"description": "ARM Cortex-M4 microcontroller", "hsCode": "8542.31.0000", "partNumber": "STM32F405RGT6TR", "manufacturer": "ST", "quantity": 4000, "unitPrice": 9.8, "currency": "EUR"},
           {"description": "GNSS receiver module", "hsCode": "8526.91", "partNumber": "NEO-M8N-0-10", "manufacturer": "u-blox", "quantity": 1500, "unitPrice": 21.5, "currency": "EUR"},
           {"description": "RF agile transceiver", "hsCode": "854239", "partNumber": "AD9361BBCZ", "manufacturer": "ADI", "quantity": 300, "unitPrice": 210, "currency": "EUR"},
           {"description": "Multilayer ceramic capacitor", "hsCode": "8532.24", "partNumber": "GRM188R71H104KA93D", "manufacturer": "Murata", "quantity": 100000, "unitPrice": 0.004, "currency": "EUR"},
           {"description": "Power MOSFET", "hsCode": "8541.29", "partNumber": "IRF4905PBF", "manufacturer": "Infineon", "quantity": 2000, "unitPrice": 1.1, "currency": "EUR"},
           {"description": "Serial NOR flash", "hsCode": "8542.32", "partNumber": "W25Q64JVSSIQ", "manufacturer": "Winbond", "quantity": 2000, "unitPrice": 0.9, "currency": "EUR"},
           {"description": "Ball bearings", "hsCode": "8482.10", "quantity": 500, "unitPrice": 1.5, "currency": "EUR"},
           {"description": "DC-DC converter", "hsCode": "8504.40", "partNumber": "URB2405S-6WR3", "manufacturer": "Mornsun", "quantity": 200, "unitPrice": 7.4, "currency": "EUR"},
           {"description": "Office chairs", "hsCode": "9401.30", "quantity": 4, "unitPrice": 120, "currency": "EUR"},
           {"description": "FPGA", "hsCode": "8542.39", "partNumber": "XC7A35T-1CSG324C", "manufacturer": "AMD", "quantity": 50, "unitPrice": 68, "currency": "EUR"}],
         "route": [{"place": "Hamburg", "country": "DE"}, {"place": "Almaty", "country": "KZ"}, {"place": "Елабуга", "country": "RU"}],
         "declaredEndUse": "industrial automation",
         "payment": {"originatorCountry": "AE", "method": "wire transfer"}}
        """;
}
