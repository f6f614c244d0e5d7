using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.OccupancyTable.Columns;

namespace PropertyCrm.Tests.Owners;

public sealed class OccupancyValidationPluginTests
{
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    public static TheoryData<string?, string?, bool> Periods => new()
    {
        { "2025-01-01", null, true },
        { "2025-01-01", "2025-01-01", true },
        { "2025-01-01", "2026-06-30", true },
        { "2025-01-02", "2025-01-01", false },
        { null, "2025-01-01", false },
        { null, null, true },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Create_Period_AcceptedOnlyWhenEndNotBeforeStart(string? start, string? end, bool accepted)
    {
        var occupancy = new Entity(OccupancyTable.LogicalName)
        {
            [Columns.Name] = "王芳 · 1-1201",
            [Columns.StartDate] = Date(start),
            [Columns.EndDate] = Date(end),
        };

        if (accepted)
        {
            dataverse.Service.Create(occupancy);
            Assert.Equal(1, dataverse.Count(OccupancyTable.LogicalName));
        }
        else
        {
            var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(occupancy));
            Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
            Assert.Equal(0, dataverse.Count(OccupancyTable.LogicalName));
        }
    }

    [Fact]
    public void Update_EndBeforeStoredStart_RefusedUsingPreImageWithoutReads()
    {
        var id = dataverse.Service.Create(new Entity(OccupancyTable.LogicalName) { [Columns.StartDate] = Date("2025-03-01") });

        Assert.Throws<DataverseFaultException>(() =>
            dataverse.Service.Update(new Entity(OccupancyTable.LogicalName, id) { [Columns.EndDate] = Date("2025-02-01") }));

        Assert.Equal(0, dataverse.LastExecution.PluginCalls.Reads);
        Assert.Null(dataverse.Peek(OccupancyTable.LogicalName, id)!.GetAttributeValue<DateTime?>(Columns.EndDate));
    }

    private static DateTime? Date(string? iso) =>
        iso is null ? null : DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
