namespace Chokepoint.Lists.Uk;

/// <summary>The ConList header: column positions by name, checked once.</summary>
internal sealed class ConListColumns
{
    public const string GroupId = "Group ID";
    public const string GroupType = "Group Type";
    public const string AliasType = "Alias Type";
    public const string AliasQuality = "Alias Quality";
    public const string Title = "Title";
    public const string NonLatinName = "Name Non-Latin Script";
    public const string NonLatinType = "Non-Latin Script Type";
    public const string NonLatinLanguage = "Non-Latin Script Language";
    public const string Dob = "DOB";
    public const string TownOfBirth = "Town of Birth";
    public const string CountryOfBirth = "Country of Birth";
    public const string Nationality = "Nationality";
    public const string PassportNumber = "Passport Number";
    public const string PassportDetails = "Passport Details";
    public const string NiNumber = "NI Number";
    public const string NationalIdNumber = "National Identification Number";
    public const string NationalIdDetails = "National Identification Details";
    public const string Position = "Position";
    public const string PostCode = "Post/Zip Code";
    public const string Country = "Country";
    public const string OtherInformation = "Other Information";
    public const string Regime = "Regime";
    public const string ListedOn = "Listed On";
    public const string LastUpdated = "Last Updated";

    /// <summary>Name 6 is the surname (or the entity name); Name 1 to 5 are given names.</summary>
    public static readonly string[] NameColumns = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"];

    public static readonly string[] AddressColumns = ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"];

    // Present in both the 2016 and the 2022 layouts; the rest are read when present.
    private static readonly string[] Required =
    [
        .. NameColumns, Title, Dob, TownOfBirth, CountryOfBirth, Nationality, Position, .. AddressColumns, PostCode, Country,
        OtherInformation, GroupType, AliasType, Regime, ListedOn, LastUpdated, GroupId,
    ];

    private readonly HeaderMap _map;

    private ConListColumns(HeaderMap map) => _map = map;

    /// <summary>Maps the header row, logging an error for each required column that is missing.</summary>
    public static ConListColumns? Create(ConListRow header, ReadLog log) =>
        HeaderMap.Create(header.Cells, header.Number, Required, log) is { } map ? new ConListColumns(map) : null;

    /// <summary>Returns the trimmed cell, or null when the column is absent or the cell empty.</summary>
    public string? Get(ConListRow row, string column) => _map.Get(row.Cells, column);
}
