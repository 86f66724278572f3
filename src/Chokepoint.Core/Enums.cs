namespace Chokepoint.Core;

/// <summary>What kind of party a listed entity or a query is.</summary>
public enum EntitySchema
{
    /// <summary>Not stated by the list or the query.</summary>
    Unknown = 0,

    /// <summary>A natural person.</summary>
    Person,

    /// <summary>A company, organisation, government body or other legal entity.</summary>
    Organization,

    /// <summary>A ship (carries IMO, MMSI, call sign, flag).</summary>
    Vessel,

    /// <summary>An aircraft (carries tail number, manufacturer serial number).</summary>
    Aircraft,
}

/// <summary>How a name relates to the listed entity.</summary>
public enum AliasKind
{
    /// <summary>The list's primary name for the entity.</summary>
    Primary = 0,

    /// <summary>Also known as.</summary>
    Aka,

    /// <summary>Formerly known as.</summary>
    Fka,

    /// <summary>Now known as.</summary>
    Nka,

    /// <summary>A spelling variation the list gives without saying which kind (UK "Name variation").</summary>
    Variation,
}

/// <summary>How much a list trusts an alias.</summary>
public enum AliasQuality
{
    /// <summary>Not stated.</summary>
    Unknown = 0,

    /// <summary>OFAC "strong" / UN "Good" / UK "Good quality": enough on its own to identify the party.</summary>
    Strong,

    /// <summary>OFAC "weak" / UN "Low" / UK "Low quality": a broad nickname, not sufficient on its own.</summary>
    Weak,
}

/// <summary>The kind of an identifying number or handle.</summary>
public enum IdentifierType
{
    /// <summary>Any other identifier; the note says what it is.</summary>
    Other = 0,

    /// <summary>A passport number.</summary>
    Passport,

    /// <summary>A national identity number (including national ID cards and personal numbers).</summary>
    NationalId,

    /// <summary>A tax number (TIN, INN, VAT number, NTN).</summary>
    TaxNumber,

    /// <summary>A company registration number (registration ID, OGRN, commercial register number).</summary>
    RegistrationNumber,

    /// <summary>A vessel's IMO number (or an IMO company number).</summary>
    Imo,

    /// <summary>A vessel's MMSI.</summary>
    Mmsi,

    /// <summary>A vessel's or aircraft's call sign.</summary>
    CallSign,

    /// <summary>A digital currency address (the note names the currency).</summary>
    CryptoAddress,

    /// <summary>A website.</summary>
    Website,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A telephone number.</summary>
    Phone,

    /// <summary>A SWIFT/BIC code.</summary>
    SwiftBic,

    /// <summary>An aircraft's tail number or manufacturer serial number.</summary>
    AircraftId,

    /// <summary>A driver's licence number.</summary>
    DriverLicense,
}
