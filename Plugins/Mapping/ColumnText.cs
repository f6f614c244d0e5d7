namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// The one way code writes free text (names, descriptions, reasons, summaries) into a text column: Dataverse refuses a
/// value longer than the column's MaxLength and fails the whole request, so a value that does not fit is cut and ends
/// with <see cref="Marker"/>, showing that something was left out. Callers pass the column's MaxLength constant from
/// <c>Schema/Tables/*.MaxLengths</c> (a test holds those to Entity.xml). Identities (keys, source ids) are never cut:
/// they are refused with <see cref="PropertyCrm.Domain.TextLimits.RequireAtMost"/> instead.
/// </summary>
public static class ColumnText
{
    /// <summary>Ends a value that was cut.</summary>
    public const string Marker = "…";

    /// <summary><paramref name="value"/> when it fits; otherwise its start and <see cref="Marker"/>, exactly <paramref name="maxLength"/> characters.</summary>
    public static string? Fit(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        var keep = maxLength - Marker.Length;

        // Never split a surrogate pair (a rare CJK character or an emoji) into half a character.
        if (keep > 0 && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        return value.Substring(0, keep) + Marker;
    }
}
