namespace Chokepoint.Trade;

/// <summary>A problem in a shipment document, located by source, line and field path.</summary>
/// <param name="Source">The file or stream name, or null when unnamed.</param>
/// <param name="Line">The 1-based line where the document starts (JSON Lines), or 0 when not applicable.</param>
/// <param name="Path">The field path, e.g. <c>items[2].hsCode</c>, or <c>$</c> for the whole document.</param>
/// <param name="Message">What is wrong, in plain words.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ShipmentDiagnostic(string? Source, int Line, string Path, string Message)
{
    /// <summary>Returns <c>source:line: field 'path': message</c>.</summary>
    public override string ToString()
    {
        var where = (Source, Line) switch
        {
            (null, 0) => "document",
            (null, _) => $"line {Line}",
            (_, 0) => Source,
            _ => $"{Source}:{Line}",
        };
        return $"{where}: field '{Path}': {Message}";
    }
}

/// <summary>The outcome of parsing one shipment document.</summary>
/// <remarks>
/// Exactly one of these holds: <see cref="Document"/> is set and <see cref="Errors"/> is empty, or the document is null
/// and at least one error says why. Immutable and thread-safe.
/// </remarks>
public sealed record ShipmentParseResult
{
    private ShipmentParseResult(ShipmentDocument? document, IReadOnlyList<ShipmentDiagnostic> errors)
    {
        Document = document;
        Errors = errors;
    }

    /// <summary>Gets the document, or null when it was invalid.</summary>
    public ShipmentDocument? Document { get; }

    /// <summary>Gets every validation error, in document order.</summary>
    public IReadOnlyList<ShipmentDiagnostic> Errors { get; }

    /// <summary>Gets whether parsing succeeded.</summary>
    public bool Succeeded => Document is not null;

    /// <summary>Gets the document id when it could be read, even from an invalid document.</summary>
    public string? Id { get; init; }

    /// <summary>Creates a successful result.</summary>
    public static ShipmentParseResult Success(ShipmentDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ShipmentParseResult(document, []) { Id = document.Id };
    }

    /// <summary>Creates a failed result.</summary>
    /// <exception cref="ArgumentException">There is no error.</exception>
    public static ShipmentParseResult Failure(IReadOnlyList<ShipmentDiagnostic> errors, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count > 0 ? new ShipmentParseResult(null, errors) { Id = id } : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
    }
}
