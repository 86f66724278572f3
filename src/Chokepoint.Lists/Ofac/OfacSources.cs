namespace Chokepoint.Lists.Ofac;

/// <summary>The source folder names of the OFAC lists.</summary>
public static class OfacSources
{
    /// <summary>The Specially Designated Nationals and Blocked Persons list.</summary>
    public const string Sdn = "us_ofac_sdn";

    /// <summary>The Consolidated (non-SDN) sanctions list.</summary>
    public const string Consolidated = "us_ofac_cons";
}

/// <summary>The labels the OFAC readers use in <see cref="Core.ListEntry.Details"/>.</summary>
public static class OfacDetails
{
    /// <summary>sdn.csv <c>Vess_type</c>.</summary>
    public const string VesselType = "Vessel Type";

    /// <summary>sdn.csv <c>Tonnage</c>.</summary>
    public const string Tonnage = "Tonnage";

    /// <summary>sdn.csv <c>GRT</c> (gross registered tonnage).</summary>
    public const string GrossRegisteredTonnage = "GRT";

    /// <summary>sdn.csv <c>Vess_flag</c>, as the list writes it.</summary>
    public const string VesselFlag = "Vessel Flag";

    /// <summary>sdn.csv <c>Vess_owner</c>.</summary>
    public const string VesselOwner = "Vessel Owner";
}
