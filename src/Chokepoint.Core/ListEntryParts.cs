namespace Chokepoint.Core;

/// <summary>One name of a listed entity.</summary>
/// <param name="Name">The name as the list writes it.</param>
/// <param name="Kind">Primary name, a.k.a., f.k.a., n.k.a. or variation.</param>
/// <param name="Quality">Strong or weak, where the list says.</param>
/// <param name="Script">The ISO 15924 script code where the name is not in Latin script (e.g. <c>Cyrl</c>, <c>Arab</c>, <c>Hani</c>), else null.</param>
/// <param name="Language">The language the list gives for the name, if any.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Alias(string Name, AliasKind Kind, AliasQuality Quality = AliasQuality.Unknown, string? Script = null, string? Language = null);

/// <summary>A postal address, structured where the list is.</summary>
/// <param name="Street">Street lines, joined with ", ".</param>
/// <param name="City">City or town.</param>
/// <param name="Region">State, province or region.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code where it could be resolved, else the list's text.</param>
/// <param name="Full">The whole address as one line, as the list gives it or joined from the parts.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Address(string? Street, string? City, string? Region, string? PostalCode, string? Country, string Full);

/// <summary>An identifying number or handle.</summary>
/// <param name="Type">What kind of identifier this is.</param>
/// <param name="Value">The value as the list writes it.</param>
/// <param name="Country">Issuing country (ISO alpha-2 where resolved), if given.</param>
/// <param name="Note">The list's own label or remark (e.g. "Cedula No.", "Digital Currency Address - XBT").</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Identifier(IdentifierType Type, string Value, string? Country = null, string? Note = null);

/// <summary>Where the entity's record came from.</summary>
/// <param name="Source">The list folder name, e.g. <c>us_ofac_sdn</c>.</param>
/// <param name="File">The file name within the dated folder.</param>
/// <param name="PublicationDate">The list's publication date (or its upper bound; see docs/lists.md).</param>
/// <param name="SubList">For aggregated lists (CSL, OpenSanctions), the list the record belongs to, e.g. "Entity List (EL) - Bureau of Industry and Security".</param>
/// <param name="Url">A link to the official record or list, where the source gives one.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Provenance(string Source, string File, DateOnly PublicationDate, string? SubList = null, string? Url = null);
