using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// What a request carries on record: the complaint columns (<see cref="ComplaintRules"/>: only on complaints; a valid
/// complaint needs its reason), the valid-complaint decision's stamp (decided on = the operation's time, decided by =
/// the initiating user, whenever the decision or its reason changes), and what resolving needs
/// (<see cref="ResolutionRules"/>: a complaint's cause, a repair's work done). No service calls: the target and the
/// pre-image carry every column, so the request's create budget is unchanged.
/// </summary>
/// <remarks>
/// Who may decide is not this step's business: the decision columns are field-secured (IsSecured) and only members of
/// the <see cref="Schema.FieldSecurityProfiles.ComplaintDecision"/> profile may set them, which Dataverse checks in the
/// core operation against the caller, stamps included. The stamps are refused from callers (a profile member cannot
/// back-date a decision); writes of PropertyCrm's own code (depth ≥ 2) pass.
/// </remarks>
public sealed class ServiceRequestRecordsPlugin : PluginBase
{
    public const string PreImageAlias = "records";

    /// <summary>Error code of a caller setting decided on / decided by.</summary>
    public const string DecisionStampCode = "request.complaint.decision-stamp";

    private static readonly string[] TypeAndComplaintColumns =
        new[] { Columns.RequestType }.Concat(ComplaintMapping.ColumnsRead).ToArray();

    public static readonly StepDeclaration OnCreate = new(
        typeof(ServiceRequestRecordsPlugin),
        SdkMessageName.Create,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnCreateRequest,
        Description = "Keeps complaint columns on complaints, stamps the valid-complaint decision, checks what resolving needs. / 投诉字段仅用于投诉，记录有效投诉判定人与时间，校验解决所需信息。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(ServiceRequestRecordsPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnUpdateRequest,
        Rank = 2, // after RequestStatusLockPlugin: a status change is checked on the row read under the request's lock
        FilteringAttributes = TypeAndComplaintColumns.Concat(ComplaintMapping.DecisionStampColumns).Concat(new[] { Columns.StatusCode }).ToArray(),
        Images = new[]
        {
            new StepImage(
                PreImageAlias,
                ImageType.PreImage,
                TypeAndComplaintColumns.Concat(ComplaintMapping.DecisionStampColumns).Concat(new[] { Columns.StatusCode, Columns.WorkDone }).ToArray())
            {
                IsRequired = true,
            },
        },
        Description = "Keeps complaint columns on complaints, stamps the valid-complaint decision, checks what resolving needs. / 投诉字段仅用于投诉，记录有效投诉判定人与时间，校验解决所需信息。",
    };

    public ServiceRequestRecordsPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void OnCreateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var type = OptionValues.Read<RequestType>(target, Columns.RequestType);
        var details = ComplaintMapping.Read(target);

        ComplaintRules.EnsureOnlyOnComplaints(type, details);
        ComplaintRules.EnsureDecisionExplained(details);
        RefuseCallerStamps(execution, target, null);
        if (details.IsValid || !string.IsNullOrWhiteSpace(details.ValidReason))
        {
            Stamp(execution, target);
        }

        ResolutionRules.EnsureReadyToResolve(type, RequestStatus.New, RequestStatusMapping.Read(target), details, target.GetAttributeValue<string>(Columns.WorkDone));
    }

    private static void OnUpdateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var pre = RequestLock.Current(execution, PreImageAlias);
        var after = execution.CoalesceTargetWith(pre);
        var type = OptionValues.Read<RequestType>(after, Columns.RequestType);
        var details = ComplaintMapping.Read(after);

        if (TypeAndComplaintColumns.Any(target.Contains))
        {
            // Only when the type or a complaint column changes: a row stored before these rules is not refused its status changes.
            ComplaintRules.EnsureOnlyOnComplaints(type, details);
        }

        var decisionChanged = ComplaintMapping.DecisionColumns.Any(c => target.Contains(c) && !Equals(Value(pre, c), Value(target, c)));
        if (decisionChanged)
        {
            ComplaintRules.EnsureDecisionExplained(details);
        }

        RefuseCallerStamps(execution, target, pre);
        if (decisionChanged)
        {
            Stamp(execution, target);
            context.Trace($"Valid-complaint decision {details.IsValid} by {execution.InitiatingUserId}.");
        }

        ResolutionRules.EnsureReadyToResolve(type, RequestStatusMapping.Read(pre), RequestStatusMapping.Read(after), details, after.GetAttributeValue<string>(Columns.WorkDone));
    }

    private static void Stamp(IPluginExecutionContext execution, Entity target)
    {
        target[Columns.ValidComplaintDecidedOn] = DataverseTime.Now(execution.OperationCreatedOn).UtcDateTime;
        target[Columns.ValidComplaintDecidedBy] = new EntityReference(PlatformTables.SystemUser, execution.InitiatingUserId);
    }

    /// <summary>Decided on / decided by are the system's record of the decision: a caller may send back what is stored, nothing else.</summary>
    private static void RefuseCallerStamps(IPluginExecutionContext execution, Entity target, Entity? pre)
    {
        if (!execution.IsDirectRequest())
        {
            return;
        }

        var sent = ComplaintMapping.DecisionStampColumns.Where(c => target.Contains(c) && !SameStamp(Value(pre, c), Value(target, c))).ToList();
        if (sent.Count > 0)
        {
            throw new DomainException(
                DecisionStampCode,
                $"判定时间和判定人由系统随有效投诉判定记录,不能直接填写({string.Join(", ", sent)}) / Decided on and decided by are recorded by the system with the valid-complaint decision and cannot be set ({string.Join(", ", sent)}).");
        }
    }

    private static object? Value(Entity? row, string column) => row is not null && row.Contains(column) ? row[column] : null;

    private static bool SameStamp(object? stored, object? sent)
    {
        if (stored is EntityReference storedUser && sent is EntityReference sentUser)
        {
            return storedUser.Id == sentUser.Id;
        }

        if (stored is DateTime storedOn && sent is DateTime sentOn)
        {
            return DataverseTime.FromInput(storedOn).UtcDateTime == DataverseTime.FromInput(sentOn).UtcDateTime;
        }

        return Equals(stored, sent);
    }
}
