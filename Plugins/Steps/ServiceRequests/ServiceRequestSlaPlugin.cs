using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// The synchronous request path of 报事报修: on create, detects the urgency, picks the SLA targets and starts both clocks;
/// on update, enforces the lifecycle (<see cref="RequestLifecycle"/>, with the 3-step / 5-step path rule), stamps its timestamps and pauses, resumes,
/// completes or re-targets the clocks; a recorded arrived on completes the on-site clock. Pre-operation, so every value is saved with the request itself: no extra write.
/// </summary>
/// <remarks>
/// <para><b>Calls.</b> On create: the owner's tier (one read of the contact as SYSTEM, when the request names one; it is copied
/// onto the request, replacing anything typed) and the SLA configuration from <see cref="SlaConfigurationCache"/>: none
/// when warm, one when cold (anchored on the request's property, which brings the property's calendar along); a warm
/// snapshot that has not seen the property yet reads its calendar once (<see cref="RequestSlaReads"/>). So at most two
/// reads for a request of an active property, and no extra write. The update's pre-image carries every stored column the rules
/// need, so a status change reads nothing else; an update that changes no status, fact or follow-up returns before
/// the configuration is even asked for.</para>
/// <para><b>Now</b> is OperationCreatedOn (UTC, truncated to the second Dataverse stores).</para>
/// <para><b>Re-targeting.</b> While the first response is still due (status New), a change of urgency, type, service
/// line, owner tier or property re-selects the targets and restarts both clocks from the original start; afterwards
/// the promise made at acceptance stands (<see cref="ServiceRequestState.Retarget"/>). Editing the title or
/// description re-runs keyword detection unless "urgency set by agent" is on.</para>
/// </remarks>
public sealed class ServiceRequestSlaPlugin : PluginBase
{
    public const string PreImageAlias = "request";

    private static readonly string[] FactColumns =
    {
        Columns.RequestType, Columns.ServiceLine, Columns.Urgency, Columns.OwnerTier, Columns.Property,
    };

    private static readonly string[] TextColumns = { Columns.Name, Columns.Description, Columns.Urgency, Columns.UrgencyOverridden, Columns.OwnerLivesAlone };

    public static readonly StepDeclaration OnCreate = new(
        typeof(ServiceRequestSlaPlugin),
        SdkMessageName.Create,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnCreateRequest,
        Description = "Detects urgency, sets SLA targets and deadlines, starts the clocks, defaults the first-contact owner. / 识别紧急程度,设定 SLA 时限与截止时间,开始计时,默认首问负责人。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(ServiceRequestSlaPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnUpdateRequest,
        Rank = 2, // after RequestStatusLockPlugin: the lifecycle is checked on the row read under the request's lock
        FilteringAttributes = new[]
        {
            Columns.StatusCode, Columns.Urgency, Columns.UrgencyOverridden, Columns.RequestType, Columns.ServiceLine,
            Columns.OwnerTier, Columns.Property, Columns.FollowUpOn, Columns.ArrivedOn, Columns.Name, Columns.Description,
            Columns.ResponseMinutes,
            Columns.OwnerLivesAlone,
        },
        Images = new[]
        {
            new StepImage(
                PreImageAlias,
                ImageType.PreImage,
                ServiceRequestSlaMapping.ColumnsRead.Concat(new[] { Columns.Name, Columns.Description, Columns.UrgencyOverridden, Columns.SlaPolicyName, Columns.OwnerLivesAlone })
                    .Distinct()
                    .ToArray())
            {
                IsRequired = true,
            },
        },
        Description = "Validates status changes, stamps their times, pauses/resumes/completes the SLA clocks, re-targets before the first response. / 校验状态变更,记录时间,暂停/恢复/完成 SLA 计时,首次响应前重新设定时限。",
    };

    public ServiceRequestSlaPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void OnCreateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var now = DataverseTime.Now(execution.OperationCreatedOn);
        RefuseResponseMinutes(execution, target, null);

        if (target.GetAttributeValue<EntityReference>(Columns.Contact) is { } owner)
        {
            // The owner's tier and 独居老人 flag are the system's, not typed by staff: copied as logged, so tier policies and
            // the living-alone urgency apply. Read as SYSTEM: copying them grants nothing, and the platform still checks the
            // user may link the request to this owner.
            var ownerFacts = RequestSlaReads.Owner(context.SystemService, owner.Id);
            target[Columns.OwnerTier] = ownerFacts.TierCode;
            target[Columns.OwnerLivesAlone] = ownerFacts.LivesAlone;
        }
        else
        {
            target[Columns.OwnerLivesAlone] = false;
        }

        DetectUrgency(target, target);

        var facts = ServiceRequestSlaMapping.ReadFacts(target);
        var propertyId = target.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
        var configuration = Configuration(context, propertyId);
        var targets = RequestSlaReads.Targets(context.SystemService, configuration, propertyId, facts, context.Trace);

        var state = ServiceRequestState.Open(targets, configuration.Calendars, now)
            .WithFollowUp(DataverseTime.Instant(target, Columns.FollowUpOn));
        var requested = RequestStatusMapping.Read(target);
        RequestLifecycle.EnsurePathAllowed(facts.RequestType, RequestStatus.New, requested, WorkRecorded(target));
        state = state.MoveTo(requested, now);

        ServiceRequestSlaMapping.Write(target, null, state, now);
        target[Columns.SlaStartedOn] = now.UtcDateTime;
        target[Columns.SlaPolicyName] = ColumnText.Fit(ServiceRequestState.PolicyName(targets), ServiceRequestTable.MaxLengths.SlaPolicyName);
        if (target.GetAttributeValue<EntityReference>(Columns.FirstContactOwner) is null)
        {
            // 首问负责制: whoever logs the request owns it to the end.
            target[Columns.FirstContactOwner] = new EntityReference(PlatformTables.SystemUser, execution.InitiatingUserId);
        }

        context.Trace($"Request logged as {facts}: policy '{target[Columns.SlaPolicyName]}', next escalation {state.NextEscalationOn:o}.");
    }

    private static void OnUpdateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var pre = RequestLock.Current(execution, PreImageAlias);
        var now = DataverseTime.Now(execution.OperationCreatedOn);
        var after = execution.CoalesceTargetWith(pre);
        RefuseResponseMinutes(execution, target, pre);

        // A living-alone owner's request that becomes a 求助 call for help is re-assessed too (LivingAloneUrgency).
        if (TextColumns.Any(target.Contains) || (target.Contains(Columns.RequestType) && after.GetAttributeValue<bool?>(Columns.OwnerLivesAlone) == true))
        {
            DetectUrgency(after, target);
        }

        var statusBefore = RequestStatusMapping.Read(pre);
        var statusAfter = RequestStatusMapping.Read(after);
        var followUpChanged = target.Contains(Columns.FollowUpOn);
        var arrivalChanged = target.Contains(Columns.ArrivedOn) && !Equals(DataverseTime.Instant(pre, Columns.ArrivedOn), DataverseTime.Instant(target, Columns.ArrivedOn));
        var factsChanged = FactColumns.Any(c => !Equals(pre.Contains(c) ? pre[c] : null, after.Contains(c) ? after[c] : null));
        var mayRetarget = factsChanged && statusBefore == RequestStatus.New && DataverseTime.Instant(pre, Columns.AcceptedOn) is null;
        if (statusAfter == statusBefore && !mayRetarget && !followUpChanged && !arrivalChanged)
        {
            return;
        }

        RequestLifecycle.EnsureAllowed(statusBefore, statusAfter);
        RequestLifecycle.EnsurePathAllowed(OptionValues.Read<RequestType>(after, Columns.RequestType), statusBefore, statusAfter, WorkRecorded(after));
        var propertyId = after.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
        var oldPropertyId = pre.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
        SlaConfiguration? configuration = null;
        SlaConfiguration Config() => configuration ??= Configuration(context, propertyId);

        var state = ServiceRequestSlaMapping.ReadState(pre, () => Config().PoliciesFor(oldPropertyId), () => Config().Calendars);
        if (followUpChanged)
        {
            state = state.WithFollowUp(DataverseTime.Instant(after, Columns.FollowUpOn));
        }

        if (mayRetarget)
        {
            var targets = RequestSlaReads.Targets(context.SystemService, Config(), propertyId, ServiceRequestSlaMapping.ReadFacts(after), context.Trace);
            var wasStarted = state.Clocks.Any();
            state = state.Retarget(targets, Config().Calendars, now);
            SetIfChanged(target, pre, Columns.SlaPolicyName, ServiceRequestState.PolicyName(targets));
            if (!wasStarted)
            {
                SetIfChanged(target, pre, Columns.SlaStartedOn, now.UtcDateTime);
            }
        }

        if (arrivalChanged)
        {
            // 到场 (for a complaint: 初步处理) recorded: the on-site clock completes at the recorded time.
            state = state.RecordArrival(DataverseTime.Instant(after, Columns.ArrivedOn), now);
        }

        state = state.Observe(now).MoveTo(statusAfter, now);
        ServiceRequestSlaMapping.Write(target, pre, state, now);
        context.Trace($"Request {statusBefore} → {statusAfter}; next escalation {state.NextEscalationOn:o}.");
    }

    /// <summary>Response minutes are the SLA step's own (KPI 0): a direct save may not set or change them.</summary>
    private static void RefuseResponseMinutes(IPluginExecutionContext execution, Entity target, Entity? pre)
    {
        if (execution.IsDirectRequest() && target.Contains(Columns.ResponseMinutes))
        {
            ResponseTime.RefuseDirectEdit(pre?.GetAttributeValue<int?>(Columns.ResponseMinutes), target.GetAttributeValue<int?>(Columns.ResponseMinutes));
        }
    }

    /// <summary>A dispatch or an on-site arrival is on record: the work a repair needs before it is resolved (the 5-step path).</summary>
    private static bool WorkRecorded(Entity row) =>
        DataverseTime.Instant(row, Columns.DispatchedOn).HasValue || DataverseTime.Instant(row, Columns.ArrivedOn).HasValue;

    /// <summary>Sets the detected urgency (raised for an owner living alone) on <paramref name="write"/> unless the agent set it (read from <paramref name="row"/>).</summary>
    private static void DetectUrgency(Entity row, Entity write)
    {
        var overridden = row.GetAttributeValue<bool?>(Columns.UrgencyOverridden) == true;
        var agentChoice = overridden ? OptionValues.Read<Urgency>(row, Columns.Urgency) : null;
        var assessment = ServiceRequestIntake.AssessUrgency(
            row.GetAttributeValue<string>(Columns.Name),
            row.GetAttributeValue<string>(Columns.Description),
            agentChoice);
        if (assessment.IsOverride)
        {
            return;
        }

        var urgency = LivingAloneUrgency.Apply(
            assessment,
            OptionValues.Read<RequestType>(row, Columns.RequestType),
            row.GetAttributeValue<bool?>(Columns.OwnerLivesAlone) == true);
        var option = OptionValues.ToOption(urgency);
        if (!Equals(row.GetAttributeValue<OptionSetValue>(Columns.Urgency), option) || write.Contains(Columns.Urgency))
        {
            write[Columns.Urgency] = option;
        }

        row[Columns.Urgency] = option;
    }

    private static SlaConfiguration Configuration(ILocalPluginContext context, Guid? propertyId)
    {
        var execution = context.PluginExecutionContext;
        return SlaConfigurationCache.Get(context.PluginUserService, execution.OrganizationId, execution.OperationCreatedOn, propertyId, context.Trace);
    }

    private static void SetIfChanged(Entity target, Entity pre, string column, object? value)
    {
        if (!Equals(pre.Contains(column) ? pre[column] : null, value))
        {
            target[column] = value;
        }
    }
}
