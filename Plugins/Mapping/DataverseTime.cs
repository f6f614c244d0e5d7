using System;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// The one place a <see cref="DateTime"/> from Dataverse becomes an instant, in the manner of NodaTime's
/// <c>Instant.FromDateTimeUtc</c>: it says which <see cref="DateTime.Kind"/> it accepts and refuses the others
/// instead of guessing.
/// </summary>
/// <remarks>
/// What Dataverse hands a plug-in: date-time columns (user-local behaviour) come back as <see cref="DateTimeKind.Utc"/>,
/// and so does <c>OperationCreatedOn</c>; time-zone-independent and date-only columns, and date-times a caller put
/// into a message without a kind, are <see cref="DateTimeKind.Unspecified"/> and hold the UTC wall clock. A
/// <see cref="DateTimeKind.Local"/> value never comes from the platform: it comes from code running on this server
/// (<c>DateTime.Now</c>), so <see cref="ToInstant(DateTime)"/> refuses it rather than guess. Values a caller chose (Custom
/// API and workflow inputs, columns a user or an import sent in a Target) are the exception, <see cref="FromInput"/>:
/// callers' tools label kinds freely, so Unspecified is read as UTC and a Local value is converted with its own
/// time zone (UTC on Dataverse servers).
/// </remarks>
public static class DataverseTime
{
    /// <summary>A date-time from Dataverse (a column value, <c>OperationCreatedOn</c>) as a UTC instant.</summary>
    /// <exception cref="ArgumentException">A <see cref="DateTimeKind.Local"/> value (see the remarks).</exception>
    public static DateTimeOffset ToInstant(DateTime value) => new(ToUtc(value));

    /// <summary><see cref="ToInstant(DateTime)"/> of a nullable value; null stays null.</summary>
    public static DateTimeOffset? ToInstant(DateTime? value) => value.HasValue ? ToInstant(value.Value) : null;

    /// <summary>A date-time from Dataverse as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/> (same rules as <see cref="ToInstant(DateTime)"/>).</summary>
    /// <exception cref="ArgumentException">A <see cref="DateTimeKind.Local"/> value.</exception>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException(
            $"A Local DateTime ({value:o}) does not come from Dataverse; pass UTC (DateTime.UtcNow, a column value).",
            nameof(value)),
    };

    /// <summary>A date-time column of <paramref name="row"/> as a UTC instant; null when the column is empty.</summary>
    public static DateTimeOffset? Instant(Microsoft.Xrm.Sdk.Entity row, string column) =>
        ToInstant(Guard.NotNull(row, nameof(row)).GetAttributeValue<DateTime?>(column));

    /// <summary>
    /// The execution's <c>OperationCreatedOn</c> as the rules' "now": UTC, truncated to the second Dataverse stores
    /// (<see cref="InstantPrecision.TruncateToSecond"/>), so a timestamp written from it reads back unchanged.
    /// </summary>
    public static DateTimeOffset Now(DateTime operationCreatedOn) => InstantPrecision.TruncateToSecond(ToInstant(operationCreatedOn));

    /// <summary>
    /// A date-time a caller chose (a Custom API or workflow input, a Target column sent by a user or an import) as a
    /// UTC instant: Utc as is, Unspecified read as UTC, Local converted (see the remarks).
    /// </summary>
    public static DateTimeOffset FromInput(DateTime value) => new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
