using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Community;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Community;

/// <summary>
/// Event registrations (活动报名 → 签到). Pre-operation: a blank status is 已报名 Registered; a check-in cannot be
/// undone (<see cref="AttendanceRules"/>); a live registration beyond the event's capacity is refused (2 reads: the
/// event's capacity, the other live registrations); checking in stamps <c>pcrm_checkedinon</c>. Post-operation: a
/// check-in awards the CommunityEventAttended points through the loyalty service, once per registration (the ledger's
/// idempotency key on rule + source "attendance:{id}"; the rule's monthly cap applies).
/// </summary>
/// <remarks>The capacity is checked without a lock: two registrations for the last place at the same instant can both pass.</remarks>
public sealed class EventAttendancePlugin : PluginBase
{
    public const string ImageAlias = "attendance";
    public const string SourcePrefix = "attendance:";

    private static readonly string[] ImageColumns = { EventAttendanceTable.Columns.Status, EventAttendanceTable.Columns.Event, EventAttendanceTable.Columns.Contact };

    public static readonly StepDeclaration OnCreate = new(typeof(EventAttendancePlugin), SdkMessageName.Create, EventAttendanceTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        Description = "Checks a registration (capacity, status) and stamps a check-in. / 校验活动报名并记录签到时间。",
    };

    public static readonly StepDeclaration OnUpdate = new(typeof(EventAttendancePlugin), SdkMessageName.Update, EventAttendanceTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        FilteringAttributes = new[] { EventAttendanceTable.Columns.Status, EventAttendanceTable.Columns.Event },
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, ImageColumns) { IsRequired = true } },
        Description = "Checks a status change and stamps a check-in. / 校验报名状态变更并记录签到时间。",
    };

    public static readonly StepDeclaration OnCreatePost = new(typeof(EventAttendancePlugin), SdkMessageName.Create, EventAttendanceTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = AwardCheckIn,
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ImageColumns) { IsRequired = true } },
        Description = "Awards the event points for a check-in. / 签到时发放活动积分。",
    };

    public static readonly StepDeclaration OnUpdatePost = new(typeof(EventAttendancePlugin), SdkMessageName.Update, EventAttendanceTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = AwardCheckIn,
        FilteringAttributes = new[] { EventAttendanceTable.Columns.Status },
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ImageColumns) { IsRequired = true } },
        Description = "Awards the event points for a check-in. / 签到时发放活动积分。",
    };

    public EventAttendancePlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Check(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var before = execution.GetPreImage(ImageAlias);
        if (!target.Contains(EventAttendanceTable.Columns.Status) && before is null)
        {
            target[EventAttendanceTable.Columns.Status] = new OptionSetValue(AttendanceStatus.Registered);
        }

        var row = execution.CoalesceTargetWithPreImage(ImageAlias);
        var from = OptionValues.Read<AttendanceState>(before, EventAttendanceTable.Columns.Status);
        var to = OptionValues.Read<AttendanceState>(row, EventAttendanceTable.Columns.Status) ?? AttendanceState.Registered;
        AttendanceRules.CheckTransition(from, to);

        var becomesLive = to != AttendanceState.Cancelled && (from is null or AttendanceState.Cancelled || target.Contains(EventAttendanceTable.Columns.Event));
        if (becomesLive && row.GetAttributeValue<EntityReference>(EventAttendanceTable.Columns.Event)?.Id is Guid eventId)
        {
            var capacity = context.SystemService.Retrieve(CommunityEventTable.LogicalName, eventId, new ColumnSet(CommunityEventTable.Columns.Capacity))
                .GetAttributeValue<int?>(CommunityEventTable.Columns.Capacity);
            if (capacity.HasValue)
            {
                AttendanceRules.CheckCapacity(capacity, LiveRegistrations(context.SystemService, eventId, execution.PrimaryEntityId, capacity.Value), to);
            }
        }

        if (to == AttendanceState.CheckedIn && from != AttendanceState.CheckedIn)
        {
            target[EventAttendanceTable.Columns.CheckedInOn] = execution.OperationCreatedOn;
        }
    }

    // The other live registrations of the event, at most capacity of them (enough to decide).
    private static int LiveRegistrations(IOrganizationService service, Guid eventId, Guid self, int capacity)
    {
        var query = new QueryExpression(EventAttendanceTable.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = capacity };
        query.Criteria.AddCondition(EventAttendanceTable.Columns.Event, ConditionOperator.Equal, eventId);
        query.Criteria.AddCondition(EventAttendanceTable.Columns.StateCode, ConditionOperator.Equal, 0);
        query.Criteria.AddCondition(EventAttendanceTable.Columns.Status, ConditionOperator.NotEqual, AttendanceStatus.Cancelled);
        if (self != Guid.Empty)
        {
            query.Criteria.AddCondition(EventAttendanceTable.PrimaryId, ConditionOperator.NotEqual, self);
        }

        return service.RetrieveMultiple(query).Entities.Count;
    }

    private static void AwardCheckIn(ILocalPluginContext context)
    {
        var row = context.PluginExecutionContext.PostEntityImages[ImageAlias];
        if (OptionValues.Read<AttendanceState>(row, EventAttendanceTable.Columns.Status) != AttendanceState.CheckedIn
            || row.GetAttributeValue<EntityReference>(EventAttendanceTable.Columns.Contact)?.Id is not Guid owner)
        {
            return;
        }

        var outcome = new LoyaltyService(context.Scope).Award(new ActivityAward(owner, EarnRule.CommunityEventAttended, SourcePrefix + row.Id.ToString("D")));
        context.Trace($"Check-in {row.Id}: {outcome.Result.Points} points, already applied {outcome.AlreadyApplied}.");
    }
}
