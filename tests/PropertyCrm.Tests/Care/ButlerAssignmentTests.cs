using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Care;

/// <summary>Butler assignment: the building's butler on occupancy start; a building reassigned moves its owners and their open care tasks.</summary>
public sealed class ButlerAssignmentTests
{
    private readonly CareBed bed = new();

    [Fact]
    public void CreateOccupancy_BuildingHasButler_OwnerGetsTheButler()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var unit = bed.Data.UnitIn(bed.Data.BuildingWithButler(butler));
        var owner = bed.Data.OwnerMovedIn(null);

        bed.Service.Create(DataProducer.NewOccupancy(owner, unit, "2026-03-01"));

        Assert.Equal(butler, Butler(owner));
        Assert.True(bed.Dataverse.LastExecution.PluginCalls.Reads <= 2);
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void CreateOccupancy_OwnerHasAPrivateButler_Kept()
    {
        var building = bed.Dataverse.CreateUser("楼栋管家 Building butler");
        var privateButler = bed.Dataverse.CreateUser("私人管家 Private butler");
        var unit = bed.Data.UnitIn(bed.Data.BuildingWithButler(building));
        var owner = bed.Data.OwnerWithButler("2026-03-01", privateButler);

        bed.Service.Create(DataProducer.NewOccupancy(owner, unit, "2026-03-01"));

        Assert.Equal(privateButler, Butler(owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void UpdateBuildingButler_OwnersAndTheirOpenCareTasksMoveToTheNewButler()
    {
        var before = bed.Dataverse.CreateUser("原管家 Previous butler");
        var after = bed.Dataverse.CreateUser("新管家 New butler");
        var privateButler = bed.Dataverse.CreateUser("私人管家 Private butler");
        var building = bed.Data.BuildingWithButler(before);
        var unit = bed.Data.UnitIn(building);
        var owner = bed.Data.OwnerMovedIn(null);
        var vip = bed.Data.OwnerWithButler("2026-03-01", privateButler);
        bed.Today("2026-03-01");
        bed.Service.Create(DataProducer.NewOccupancy(owner, unit, "2026-03-01"));
        bed.Service.Create(DataProducer.NewOccupancy(vip, unit, "2026-03-01"));
        bed.Run();
        var open = Assert.Single(bed.Tasks(owner));
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromDays(7));
        bed.Run();
        var done = Assert.Single(bed.Tasks(owner), t => t.Id != open.Id);
        bed.Service.Update(new Entity(TaskActivity.LogicalName, done.Id) { [TaskActivity.StateCode] = new OptionSetValue(TaskActivity.States.Completed) });

        bed.Service.Update(new Entity(BuildingTable.LogicalName, building) { [BuildingTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, after) });
        bed.Dataverse.DrainAsyncSteps();

        Assert.Empty(bed.Dataverse.AsyncFailures);
        Assert.Equal(after, Butler(owner));
        Assert.Equal(privateButler, Butler(vip));
        Assert.Equal(after, Owner(open.Id));
        Assert.Equal(before, Owner(done.Id));
    }

    [Fact]
    public void UpdateBuildingButler_FaultMidway_NothingMovedAndTheRetryMovesOwnersAndTasks()
    {
        // Regression: the step updated owners one by one, so a fault after the first left that owner on the new butler;
        // the retry then skipped that owner and left their open care tasks with the previous butler.
        var before = bed.Dataverse.CreateUser("原管家 Previous butler");
        var after = bed.Dataverse.CreateUser("新管家 New butler");
        var building = bed.Data.BuildingWithButler(before);
        var first = bed.Data.OwnerMovedIn(null);
        var second = bed.Data.OwnerMovedIn(null);
        bed.Today("2026-03-01");
        bed.Service.Create(DataProducer.NewOccupancy(first, bed.Data.UnitIn(building), "2026-03-01"));
        bed.Service.Create(DataProducer.NewOccupancy(second, bed.Data.UnitIn(building), "2026-03-01"));
        bed.Run();
        var task = Assert.Single(bed.Tasks(first));

        bed.Service.Update(new Entity(BuildingTable.LogicalName, building) { [BuildingTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, after) });
        bed.Dataverse.FailCall(3, InjectedFaultKind.SqlTimeout);
        bed.Dataverse.DrainAsyncSteps();

        Assert.True(bed.Dataverse.InjectedFaultRaised);
        Assert.Single(bed.Dataverse.AsyncFailures);
        Assert.Equal(before, Butler(first));
        Assert.Equal(before, Butler(second));
        Assert.Equal(before, Owner(task.Id));

        bed.Dataverse.ClearInjectedFault();
        Assert.Equal(1, bed.Dataverse.RetryFailedAsyncSteps());
        bed.Dataverse.DrainAsyncSteps();

        Assert.Empty(bed.Dataverse.AsyncFailures);
        Assert.Equal(after, Butler(first));
        Assert.Equal(after, Butler(second));
        Assert.Equal(after, Owner(task.Id));
    }

    private Guid? Butler(Guid owner) =>
        bed.Dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<EntityReference>(ContactTable.Columns.Butler)?.Id;

    private Guid Owner(Guid task) =>
        bed.Dataverse.Peek(TaskActivity.LogicalName, task)!.GetAttributeValue<EntityReference>(TaskActivity.OwnerId).Id;
}
