using Chokepoint.Core;

namespace Chokepoint.Lists.Tests.Ofac;

/// <summary>Assertions shared by the OFAC reader tests.</summary>
internal static class OfacAssert
{
    /// <summary>Asserts the number of entries of each schema, in the order person, organisation, vessel, aircraft.</summary>
    public static void SchemaCounts(ListSnapshot snapshot, int person, int organization, int vessel, int aircraft)
    {
        var counts = (Person: 0, Organization: 0, Vessel: 0, Aircraft: 0);
        foreach (var e in snapshot.Entries)
        {
            switch (e.Schema)
            {
                case EntitySchema.Person: counts.Person++; break;
                case EntitySchema.Organization: counts.Organization++; break;
                case EntitySchema.Vessel: counts.Vessel++; break;
                case EntitySchema.Aircraft: counts.Aircraft++; break;
            }
        }

        Assert.Equal((person, organization, vessel, aircraft), counts);
        Assert.Equal(person + organization + vessel + aircraft, snapshot.Entries.Count);
    }
}
