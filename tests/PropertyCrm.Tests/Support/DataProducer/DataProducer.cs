using System;
using System.Globalization;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// Arranges rows in the harness, XrmBedrock style: one method per thing a test needs, with every column the
/// solution requires filled, so a test states only what its case is about. Seeding bypasses the pipeline
/// (no plug-in runs, nothing is counted); methods named <c>New…</c> return an unsaved row for a test to send
/// through the service. One partial file per area.
/// </summary>
internal sealed partial class DataProducer
{
    private readonly FakeDataverse dataverse;
    private int counter;

    public DataProducer(FakeDataverse dataverse)
    {
        this.dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    /// <summary>10:00 China time (02:00 UTC) on an ISO date ("2025-03-15").</summary>
    public static DateTime At(string date) => DateOnly(date).AddHours(2);

    /// <summary>Midnight UTC of an ISO date, as date-only columns store it.</summary>
    public static DateTime DateOnly(string iso) => DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>A number for unique names (owners, occupancies, ledger sources) within this producer.</summary>
    private int Next() => ++counter;
}
