using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>
/// Reads OFAC's enhanced XML (<c>CONS_ENHANCED.ZIP</c> / <c>SDN_ENHANCED.ZIP</c>, one XML inside, or the bare
/// <c>*_ENHANCED.XML</c>) for the <c>us_ofac_cons</c> and <c>us_ofac_sdn</c> sources.
/// </summary>
/// <remarks>
/// <para>The XML is streamed with <see cref="XmlReader"/>; each <c>entity</c> element is loaded on its own. The key is the
/// entity id (the same number as the legacy CSV <c>ent_num</c>). <c>publicationInfo/dataAsOf</c> is the publication
/// date. A folder that also holds the legacy CSV set is left to <see cref="OfacCsvListReader"/>: this reader does not
/// claim it.</para>
/// <para>A file that is not a zip, a zip without XML, an HTML page and malformed or truncated XML are errors naming
/// the file, line and element. Stateless and thread-safe.</para>
/// </remarks>
public sealed class OfacEnhancedXmlListReader : IListReader
{
    private static readonly string[] ArchiveNames = ["SDN_ENHANCED.ZIP", "CONS_ENHANCED.ZIP"];

    private static readonly string[] XmlNames = ["SDN_ENHANCED.XML", "CONS_ENHANCED.XML"];

    private static readonly string[] CsvNames =
        ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv", "cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"];

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [OfacSources.Sdn, OfacSources.Consolidated];

    /// <inheritdoc />
    /// <remarks>False when the folder holds any legacy CSV file: the CSV set wins and the XML is ignored.</remarks>
    public bool CanRead(string source, DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Sources.Contains(source, StringComparer.Ordinal) || FindFile(folder) is null)
        {
            return false;
        }

        foreach (var name in CsvNames)
        {
            if (OfacSourceFile.Find(folder, name) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(folder);
        var diagnostics = new List<ListDiagnostic>();
        var file = FindFile(folder);
        if (file is null)
        {
            diagnostics.Add(Error(OfacSourceFile.DisplayName(source, folder, ArchiveNames[1]), 0, null, "no OFAC enhanced XML file (SDN_ENHANCED.ZIP or CONS_ENHANCED.ZIP) in the folder"));
            return ListReadResult.Failure(diagnostics);
        }

        var display = OfacSourceFile.DisplayName(source, folder, file.Name);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Error(display, 0, null, $"cannot read the file: {ex.Message}"));
            return ListReadResult.Failure(diagnostics);
        }

        var files = new List<SourceFile> { OfacSourceFile.Describe(file.Name, bytes) };
        if (bytes.Length == 0)
        {
            diagnostics.Add(Error(display, 0, null, "the file is empty"));
            return ListReadResult.Failure(diagnostics);
        }

        if (OfacSourceFile.LooksLikeHtml(bytes))
        {
            diagnostics.Add(Error(display, 1, null, "the file is an HTML page, not the enhanced XML (an error page saved in place of the list?)"));
            return ListReadResult.Failure(diagnostics);
        }

        if (!file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ReadXml(new MemoryStream(bytes, writable: false), display, source, file.Name, publicationDate, files, diagnostics, cancellationToken);
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            diagnostics.Add(Error(display, 0, null, $"the file is not a zip archive: {ex.Message}"));
            return ListReadResult.Failure(diagnostics);
        }

        using (archive)
        {
            var entry = archive.Entries.FirstOrDefault(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                diagnostics.Add(Error(display, 0, null, "the zip archive holds no XML file"));
                return ListReadResult.Failure(diagnostics);
            }

            var memberDisplay = $"{display}!{entry.FullName}";
            try
            {
                using var stream = entry.Open();
                var xml = new MemoryStream();
                stream.CopyTo(xml);
                xml.Position = 0;
                if (OfacSourceFile.LooksLikeHtml(xml.GetBuffer().AsSpan(0, (int)Math.Min(xml.Length, 1024))))
                {
                    diagnostics.Add(Error(memberDisplay, 1, null, "the XML file is an HTML page, not the enhanced XML"));
                    return ListReadResult.Failure(diagnostics);
                }

                return ReadXml(xml, memberDisplay, source, file.Name, publicationDate, files, diagnostics, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                diagnostics.Add(Error(memberDisplay, 0, null, $"the zip member cannot be decompressed: {ex.Message}"));
                return ListReadResult.Failure(diagnostics);
            }
        }
    }

    private static FileInfo? FindFile(DirectoryInfo folder)
    {
        foreach (var name in (string[])[.. ArchiveNames, .. XmlNames])
        {
            var file = OfacSourceFile.Find(folder, name);
            if (file is not null)
            {
                return file;
            }
        }

        return null;
    }

    private static ListReadResult ReadXml(
        Stream xml, string display, string source, string fileName, DateOnly folderDate, List<SourceFile> files,
        List<ListDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true, XmlResolver = null };
        var builders = new List<OfacEntryBuilder>();
        var entityIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        DateOnly? dataAsOf = null;
        var element = "sanctionsData";
        using var reader = XmlReader.Create(xml, settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "sanctionsData")
            {
                diagnostics.Add(Error(display, lineInfo.LineNumber, reader.LocalName, $"the root element is <{reader.LocalName}>, not <sanctionsData>"));
                return ListReadResult.Failure(diagnostics);
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                element = reader.LocalName;
                switch (reader.LocalName)
                {
                    case "dataAsOf":
                        var text = reader.ReadElementContentAsString();
                        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
                        {
                            dataAsOf = DateOnly.FromDateTime(asOf);
                        }

                        break;
                    case "referenceValue":
                        ReadReference((XElement)XNode.ReadFrom(reader), references);
                        break;
                    case "entity":
                        cancellationToken.ThrowIfCancellationRequested();
                        var line = lineInfo.LineNumber;
                        var entity = (XElement)XNode.ReadFrom(reader);
                        var builder = OfacEnhancedEntity.Read(entity, references, line);
                        if (builder is null)
                        {
                            diagnostics.Add(Error(display, line, "entity", "the entity has no id attribute or no primary name"));
                            continue;
                        }

                        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(entityIds, builder.Key, out _);
                        if (++seen > 1)
                        {
                            var original = builder.Key;
                            builder.Key = string.Create(CultureInfo.InvariantCulture, $"{original}#{seen}");
                            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, display, line, "entity",
                                $"entity id {original} is repeated; this record is kept as {builder.Key}"));
                        }

                        builders.Add(builder);
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            diagnostics.Add(Error(display, ex.LineNumber, element, $"malformed or truncated XML at position {ex.LinePosition}: {ex.Message}"));
            return ListReadResult.Failure(diagnostics);
        }

        if (diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error))
        {
            return ListReadResult.Failure(diagnostics);
        }

        if (dataAsOf is null)
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, display, 0, "dataAsOf",
                "publicationInfo/dataAsOf is missing; the folder date is used"));
        }

        var date = dataAsOf ?? folderDate;
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in builders)
        {
            byId[b.Key] = b.Key;
        }

        var entries = new ListEntry[builders.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var b = builders[i];
            for (var j = 0; j < b.LinkedTo.Count; j++)
            {
                // Linked ids are kept as entity ids when the related entity is in this file, else as its name.
                var link = b.LinkedTo[j];
                var bar = link.IndexOf('|', StringComparison.Ordinal);
                b.LinkedTo[j] = byId.ContainsKey(link[..bar]) ? new EntityId(source, link[..bar]).ToString() : link[(bar + 1)..];
            }

            entries[i] = b.Build(source, new Provenance(source, fileName, date, b.SubList));
        }

        var snapshot = new ListSnapshot { Source = source, PublicationDate = date, Files = files, Entries = entries };
        return ListReadResult.Success(snapshot, diagnostics);
    }

    private static void ReadReference(XElement value, Dictionary<string, string> references)
    {
        var id = (string?)value.Attribute("refId");
        var text = value.Elements().FirstOrDefault(e => e.Name.LocalName == "value")?.Value;
        if (id is not null && text is not null)
        {
            references[id] = text;
        }
    }

    private static ListDiagnostic Error(string file, int line, string? field, string message) =>
        new(DiagnosticSeverity.Error, file, line, field, message);
}
