using System;

namespace PropertyCrm.Plugins.Logic;

/// <summary>The execution's "now" (OperationCreatedOn) and other message date-times, read as UTC.</summary>
internal static class OperationTime
{
    /// <summary>Local is converted to UTC; Unspecified (how Dataverse messages carry date-times) is read as UTC.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
