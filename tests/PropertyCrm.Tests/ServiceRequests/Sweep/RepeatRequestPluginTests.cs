using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>The asynchronous repeat-request step through the pipeline: created, committed, then drained.</summary>
public sealed class RepeatRequestPluginTests
{
    private static readonly DateTime Now = HarnessClock.DefaultStart;

    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();
    private readonly Guid property;
    private readonly Guid unit;
    private readonly Guid otherUnit;

    public RepeatRequestPluginTests()
    {
        property = dataverse.Seed(new Entity(PropertyTable.LogicalName) { [PropertyTable.Columns.Name] = "翠湖花园 Emerald Lake" });
        unit = dataverse.Seed(new Entity(UnitTable.LogicalName));
        otherUnit = dataverse.Seed(new Entity(UnitTable.LogicalName));
    }

    [Fact]
    public void Create_EarlierRequestsSameUnitAndLine_LinksTheMostRecentAndCountsAll()
    {
        Earlier(unit, Choices.ServiceLine.Maintenance, days: 20);
        var latest = Earlier(unit, Choices.ServiceLine.Maintenance, days: 2);
        Earlier(unit, Choices.ServiceLine.Maintenance, days: 30); // exactly 30 days: still in the window

        var created = Create(unit, Choices.ServiceLine.Maintenance);
        Assert.True(dataverse.PendingAsyncSteps >= 1);
        dataverse.DrainAsyncSteps();

        var row = dataverse.Peek(ServiceRequestTable.LogicalName, created)!;
        Assert.Equal(latest, row.GetAttributeValue<EntityReference>(Columns.RepeatOf).Id);
        Assert.Equal(3, row.GetAttributeValue<int>(Columns.RepeatCount));
        Assert.Empty(dataverse.AsyncFailures);
    }

    [Fact]
    public void Create_OnlyOtherUnitsLinesOlderOrCancelled_IsNotARepeat()
    {
        Earlier(otherUnit, Choices.ServiceLine.Maintenance, days: 1);
        Earlier(unit, Choices.ServiceLine.Cleaning, days: 1);
        Earlier(unit, Choices.ServiceLine.Maintenance, days: 30, seconds: 1); // one second too old
        Earlier(unit, Choices.ServiceLine.Maintenance, days: 3, status: ServiceRequestTable.StatusReasons.Cancelled);

        var created = Create(unit, Choices.ServiceLine.Maintenance);
        dataverse.DrainAsyncSteps();

        var row = dataverse.Peek(ServiceRequestTable.LogicalName, created)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(Columns.RepeatOf));
        Assert.False(row.Contains(Columns.RepeatCount));
    }

    [Fact]
    public void Create_ClosedEarlierRequest_CountsAsRepeat()
    {
        var closed = Earlier(unit, Choices.ServiceLine.Maintenance, days: 5, status: ServiceRequestTable.StatusReasons.Closed);

        var created = Create(unit, Choices.ServiceLine.Maintenance);
        dataverse.DrainAsyncSteps();

        Assert.Equal(closed, dataverse.Peek(ServiceRequestTable.LogicalName, created)!.GetAttributeValue<EntityReference>(Columns.RepeatOf).Id);
    }

    [Fact]
    public void Create_Repeat_CostsTheSynchronousCreateNothingAndTheJobOneReadOneWrite()
    {
        Earlier(unit, Choices.ServiceLine.Maintenance, days: 1);

        Create(unit, Choices.ServiceLine.Maintenance);
        Assert.Equal(0, dataverse.LastExecution.PluginCalls.By<RepeatRequestPlugin>().Total);
        dataverse.DrainAsyncSteps();

        var job = Assert.Single(dataverse.Executions, e => e.IsAsyncStep && e.PluginCalls.By<RepeatRequestPlugin>().Total > 0);
        var calls = job.PluginCalls.By<RepeatRequestPlugin>();
        Assert.Equal(1, calls.RetrieveMultiple);
        Assert.Equal(1, calls.Update);
        Assert.Equal(2, calls.Total);
        Assert.Equal(0, dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Create_NotARepeat_OneReadNoWrite()
    {
        Create(unit, Choices.ServiceLine.Maintenance);
        dataverse.DrainAsyncSteps();

        var calls = dataverse.PluginCalls.By<RepeatRequestPlugin>();
        Assert.Equal(1, calls.Reads);
        Assert.Equal(0, calls.Writes);
    }

    [Fact]
    public void Create_WithoutUnit_NoReadNoWrite()
    {
        Create(null, Choices.ServiceLine.Maintenance);
        dataverse.DrainAsyncSteps();

        Assert.Equal(0, dataverse.PluginCalls.By<RepeatRequestPlugin>().Total);
        Assert.Empty(dataverse.AsyncFailures);
    }

    private Guid Earlier(Guid unitId, int serviceLine, int days, int seconds = 0, int? status = null)
    {
        var row = new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = "earlier",
            [Columns.Unit] = new EntityReference(UnitTable.LogicalName, unitId),
            [Columns.ServiceLine] = new OptionSetValue(serviceLine),
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [Columns.CreatedOn] = Now.AddDays(-days).AddSeconds(-seconds),
        };
        if (status.HasValue)
        {
            var inactive = status.Value is ServiceRequestTable.StatusReasons.Closed or ServiceRequestTable.StatusReasons.Cancelled;
            row[Columns.StateCode] = new OptionSetValue(inactive ? ServiceRequestTable.States.Inactive : ServiceRequestTable.States.Active);
            row[Columns.StatusCode] = new OptionSetValue(status.Value);
        }

        return dataverse.Seed(row);
    }

    private Guid Create(Guid? unitId, int serviceLine) =>
        dataverse.Service.Create(new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = "又漏水了 leaking again",
            [Columns.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
            [Columns.ServiceLine] = new OptionSetValue(serviceLine),
            [Columns.Unit] = unitId.HasValue ? new EntityReference(UnitTable.LogicalName, unitId.Value) : null,
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [Columns.Description] = "厨房水管漏水 kitchen pipe leaking",
        });
}
