using System.Globalization;
using System.Text;
using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>Says which screenings are of the same party, so that they share a case and a suppression.</summary>
/// <remarks>
/// The caller's own id (customer or supplier number) identifies the party when given; otherwise the name (case,
/// accents and spacing folded) with the country does. Stateless and thread-safe.
/// </remarks>
public static class PartyKey
{
    /// <summary>Returns the key for a query: <c>id:&lt;caller id&gt;</c> or <c>name:&lt;folded name&gt;|&lt;country&gt;</c>.</summary>
    public static string From(PartyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!string.IsNullOrWhiteSpace(query.Id))
        {
            return "id:" + query.Id.Trim();
        }

        return "name:" + FoldName(query.Name) + "|" + (query.Country ?? "").Trim().ToUpperInvariant();
    }

    /// <summary>Returns the key that groups checks of one shipment document: <c>shipment:&lt;document id&gt;</c>.</summary>
    public static string ForShipment(string documentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        return "shipment:" + documentId.Trim();
    }

    /// <summary>Folds a name: lower case, accents removed, runs of spaces and punctuation made one space.</summary>
    public static string FoldName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
