using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.ServiceRequests.Dispatch;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// 派工: when a request is accepted (新建 → 已受理, or created accepted) the most specific active dispatch rule
/// assigns it (the request's owner, 派单对象) and moves it on to 已派工 dispatched. Pre-operation, after the SLA step
/// (update: rank 3; create: rank 2), so the assignee, status and dispatched-on are saved with the acceptance itself: no extra write on the request.
/// </summary>
/// <remarks>
/// <para><b>No rule</b> (or a team without members): nothing is assigned and the request stays 已受理, in the 待派工 view.</para>
/// <para><b>The agent's choice wins.</b> When a rule applies but the request's owner is already someone other than its
/// first-contact owner (首问负责人: the agent assigned it, on this save or before), that assignee is kept and the request is
/// dispatched to them.</para>
/// <para><b>Calls</b>: the rules come from <see cref="DispatchRuleCache"/> (warm: no read); then see <see cref="DispatchReads"/>
/// (user rule nothing more; least-loaded team 2 reads; round robin 2 reads and 2 writes on the rule, under its lock). The platform checks that the accepting user may assign the request (Assign privilege).</para>
/// </remarks>
public sealed class DispatchPlugin : PluginBase
{
    public const string PreImageAlias = "request";

    private static readonly string[] ImageColumns =
    {
        Columns.StatusCode, Columns.OwnerId, Columns.FirstContactOwner, Columns.Property, Columns.ServiceLine, Columns.DispatchedOn,
    };

    public static readonly StepDeclaration OnCreate = new(
        typeof(DispatchPlugin),
        SdkMessageName.Create,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnCreateRequest,
        Rank = 2,
        Description = "Dispatches a request created accepted by the dispatch rules. / 按派工规则为以已受理状态创建的报事派工。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(DispatchPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnUpdateRequest,
        Rank = 3,
        FilteringAttributes = new[] { Columns.StatusCode },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, ImageColumns) { IsRequired = true } },
        Description = "Dispatches an accepted request by the dispatch rules, keeping an assignee the agent chose. / 受理时按派工规则派工，保留客服指定的处理人。",
    };

    public DispatchPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void OnCreateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        if (RequestStatusMapping.Read(target) != RequestStatus.Accepted)
        {
            return;
        }

        var owner = target.GetAttributeValue<EntityReference>(Columns.OwnerId)?.Id ?? execution.InitiatingUserId;
        var firstContact = target.GetAttributeValue<EntityReference>(Columns.FirstContactOwner)?.Id ?? execution.InitiatingUserId;
        Dispatch(context, target, target, owner != firstContact);
    }

    private static void OnUpdateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var pre = RequestLock.Current(execution, PreImageAlias);
        var after = execution.CoalesceTargetWith(pre);
        if (RequestStatusMapping.Read(after) != RequestStatus.Accepted || RequestStatusMapping.Read(pre) != RequestStatus.New)
        {
            return;
        }

        var owner = after.GetAttributeValue<EntityReference>(Columns.OwnerId);
        var firstContact = after.GetAttributeValue<EntityReference>(Columns.FirstContactOwner);
        Dispatch(context, target, after, owner is not null && owner.Id != firstContact?.Id);
    }

    private static void Dispatch(ILocalPluginContext context, Entity target, Entity after, bool assignedByAgent)
    {
        var execution = context.PluginExecutionContext;
        var now = DataverseTime.Now(execution.OperationCreatedOn);
        var propertyId = after.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
        var serviceLine = after.GetAttributeValue<OptionSetValue>(Columns.ServiceLine)?.Value;
        var service = context.SystemService;
        var rule = DispatchSelector.Match(DispatchRuleCache.Get(service, execution.OrganizationId, execution.OperationCreatedOn), propertyId, serviceLine);
        if (rule is not null && assignedByAgent)
        {
            context.Trace($"Dispatch: rule {rule.Id} applies, but the agent's assignee is kept.");
            MarkDispatched(target, after, now);
            return;
        }

        var assignee = rule is null ? null : Assignee(service, rule, now.UtcDateTime);
        if (assignee is not Guid userId)
        {
            context.Trace(rule is null ? "Dispatch: no rule covers the request; it waits in 待派工." : $"Dispatch: rule {rule.Id} has nobody to assign.");
            return;
        }

        target[Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, userId);
        MarkDispatched(target, after, now);
        context.Trace($"Dispatch: rule {rule!.Id} assigned {userId}.");
    }

    private static Guid? Assignee(IOrganizationService service, DispatchRule rule, DateTime nowUtc)
    {
        if (rule.UserId is Guid user)
        {
            return user;
        }

        if (rule.TeamId is not Guid team)
        {
            return null;
        }

        var members = DispatchReads.Members(service, team);
        if (members.Count == 0)
        {
            return null;
        }

        if (rule.Strategy == DispatchStrategy.RoundRobin)
        {
            var locked = DispatchReads.LockAndReread(service, rule, nowUtc);
            var next = DispatchSelector.PickMember(locked, members, new Dictionary<Guid, int>());
            if (next is Guid chosen)
            {
                DispatchReads.RecordAssignee(service, rule.Id, chosen);
            }

            return next;
        }

        return DispatchSelector.PickMember(rule, members, DispatchReads.OpenLoads(service, members));
    }

    private static void MarkDispatched(Entity target, Entity after, DateTimeOffset now)
    {
        target[Columns.StatusCode] = new OptionSetValue(ServiceRequestTable.StatusReasons.Dispatched);
        if (DataverseTime.Instant(after, Columns.DispatchedOn) is null)
        {
            target[Columns.DispatchedOn] = now.UtcDateTime;
        }
    }
}
