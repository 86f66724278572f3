using System.Text;
using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.LoadTest;

/// <summary>
/// The parties sent: a seeded draw from the labelled dev queries, mostly innocent names (classes <c>innocent</c> and
/// <c>near_miss</c>) and a share of listed parties in every script and variation the set has.
/// </summary>
internal sealed class QueryMix
{
    private QueryMix(IReadOnlyList<PartyQuery> parties, IReadOnlyList<byte[]> bodies, int listed)
    {
        Parties = parties;
        Bodies = bodies;
        Listed = listed;
    }

    /// <summary>The party id written into bodies whose digits each request overwrites with its own number.</summary>
    public const string IdStamp = "load-0000000000";

    /// <summary>Gets the parties in sending order.</summary>
    public IReadOnlyList<PartyQuery> Parties { get; }

    /// <summary>Gets the JSON body of each party, in the same order.</summary>
    public IReadOnlyList<byte[]> Bodies { get; }

    /// <summary>Gets how many of the parties are listed ones.</summary>
    public int Listed { get; }

    /// <summary>Draws <paramref name="count"/> parties with a fixed seed.</summary>
    /// <param name="queriesPath">The queries file.</param>
    /// <param name="truthPath">Their classes.</param>
    /// <param name="listedShare">The share of listed parties.</param>
    /// <param name="count">How many parties to draw.</param>
    /// <param name="uniqueIds">Whether each request carries its own party id (<see cref="IdStamp"/>, filled in per request).</param>
    public static QueryMix Load(string queriesPath, string truthPath, double listedShare, int count, bool uniqueIds)
    {
        var innocentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(truthPath))
        {
            using var doc = JsonDocument.Parse(line);
            var cls = doc.RootElement.GetProperty("class").GetString();
            if (cls is "innocent" or "near_miss")
            {
                innocentIds.Add(doc.RootElement.GetProperty("id").GetString()!);
            }
        }

        var innocent = new List<(PartyQuery Query, byte[] Body)>();
        var listed = new List<(PartyQuery Query, byte[] Body)>();
        foreach (var line in File.ReadLines(queriesPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var name = root.GetProperty("name").GetString()!;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            var birth = root.TryGetProperty("birthDate", out var b) ? b.GetString() : null;
            var query = new PartyQuery
            {
                Id = id,
                Name = name,
                Schema = type is not null && Enum.TryParse<EntitySchema>(type, ignoreCase: true, out var s) ? s : EntitySchema.Unknown,
                BirthDate = birth is not null && BirthDate.TryParse(birth, out var d) ? d : null,
            };
            (innocentIds.Contains(id) ? innocent : listed).Add((query, Body(uniqueIds ? IdStamp : id, name, type, birth)));
        }

        if (innocent.Count == 0 || listed.Count == 0)
        {
            throw new InvalidDataException($"{queriesPath}: needs both innocent and listed queries (found {innocent.Count} and {listed.Count}).");
        }

        var random = new Random(20261123);
        var parties = new List<PartyQuery>(count);
        var bodies = new List<byte[]>(count);
        var listedCount = 0;
        for (var i = 0; i < count; i++)
        {
            var fromListed = random.NextDouble() < listedShare;
            var pool = fromListed ? listed : innocent;
            var (query, body) = pool[random.Next(pool.Count)];
            parties.Add(query);
            bodies.Add(body);
            listedCount += fromListed ? 1 : 0;
        }

        return new QueryMix(parties, bodies, listedCount);
    }

    private static byte[] Body(string id, string name, string? type, string? birthDate)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("name", name);
            if (type is not null)
            {
                writer.WriteString("schema", type);
            }

            if (birthDate is not null)
            {
                writer.WriteString("birthDate", birthDate);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Builds a full HTTP/1.1 request for each body, with where its id digits are (or -1).</summary>
    public static RequestSet Requests(IReadOnlyList<byte[]> bodies, string host, string key)
    {
        var requests = new byte[bodies.Count][];
        var stamps = new int[bodies.Count];
        var digits = Encoding.ASCII.GetBytes(IdStamp)[^10..];
        for (var i = 0; i < bodies.Count; i++)
        {
            var head = Encoding.ASCII.GetBytes(
                $"POST /v1/screen/party HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nContent-Length: {bodies[i].Length}\r\n\r\n");
            requests[i] = [.. head, .. bodies[i]];
            var at = requests[i].AsSpan().IndexOf(Encoding.ASCII.GetBytes(IdStamp));
            stamps[i] = at < 0 ? -1 : at + IdStamp.Length - digits.Length;
        }

        return new RequestSet(requests, stamps);
    }
}

/// <summary>Prepared requests and, for each, the offset of the ten id digits stamped per request (-1: none).</summary>
internal sealed record RequestSet(byte[][] Requests, int[] StampOffsets)
{
    /// <summary>Wraps requests sent unchanged.</summary>
    public static RequestSet Fixed(params byte[][] requests) => new(requests, [.. requests.Select(_ => -1)]);
}
