using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Care;

/// <summary>
/// Butler assignment (<see cref="ButlerAssignment"/>): post-operation Create of an occupancy (synchronous, so the owner
/// has a butler before anything plans their care; 2 reads and at most 1 write), and post-operation Update of a building's
/// butler (asynchronous: it may move every owner of the building and their open care tasks).
/// </summary>
public sealed class ButlerAssignmentPlugin : PluginBase
{
    public const string PostImageAlias = "occupancy";
    public const string PreImageAlias = "building";

    public static readonly StepDeclaration OnOccupancyCreate = new(
        typeof(ButlerAssignmentPlugin),
        SdkMessageName.Create,
        OccupancyTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = AssignFromBuilding,
        Images = new[] { new StepImage(PostImageAlias, ImageType.PostImage, OccupancyTable.Columns.Contact, OccupancyTable.Columns.Unit) { IsRequired = true } },
        Description = "Gives the new occupant the building's butler. / 入住时分配楼栋管家。",
    };

    public static readonly StepDeclaration OnBuildingUpdate = new(
        typeof(ButlerAssignmentPlugin),
        SdkMessageName.Update,
        BuildingTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Asynchronous)
    {
        Handler = MoveOwners,
        FilteringAttributes = new[] { BuildingTable.Columns.Butler },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, BuildingTable.Columns.Butler) { IsRequired = true } },
        Description = "Moves the building's owners and their open care tasks to its new butler. / 楼栋管家变更时转移业主及未完成关怀任务。",
    };

    public ButlerAssignmentPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void AssignFromBuilding(ILocalPluginContext context)
    {
        var occupancy = context.PluginExecutionContext.PostEntityImages[PostImageAlias];
        if (occupancy.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact)?.Id is Guid contact
            && occupancy.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Unit)?.Id is Guid unit)
        {
            ButlerAssignment.OnOccupancyStart(context.SystemService, contact, unit, context.Trace);
        }
    }

    private static void MoveOwners(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var previous = execution.PreEntityImages[PreImageAlias].GetAttributeValue<EntityReference>(BuildingTable.Columns.Butler);
        var next = target.GetAttributeValue<EntityReference>(BuildingTable.Columns.Butler);
        if (previous?.Id == next?.Id)
        {
            return;
        }

        ButlerAssignment.OnBuildingReassigned(context.SystemService, target.Id, previous?.Id, next, execution.OperationCreatedOn, context.Trace);
    }
}
