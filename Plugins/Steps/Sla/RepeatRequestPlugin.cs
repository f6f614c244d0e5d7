using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Sla;

/// <summary>
/// Marks a new service request as a repeat (重复报事) of the most recent earlier request for the same unit and
/// service line within 30 days, and counts them (<see cref="Domain.ServiceRequests.RepeatRule"/>); a complaint as a
/// repeat complaint (重复投诉) of the latest complaint with the same cause from the same unit or owner. A complaint's
/// cause is often recorded after it is logged (the agent classifies it once the owner has been heard), so setting or
/// changing the cause links it again, from the complaint's own creation time.
/// </summary>
/// <remarks>
/// Asynchronous on purpose: the synchronous create has a budget of one read cold, none warm, and no extra write
/// (the SLA steps). Finding repeats costs a query over the unit's recent requests and, for a repeat, an update of
/// the new row; as a system job after the commit it adds nothing to the agent's save. The post-image brings the
/// unit, service line and creation time without a read.
/// </remarks>
public sealed class RepeatRequestPlugin : PluginBase
{
    public const string PostImageAlias = "repeat";

    public static readonly StepDeclaration OnCreate = new(
        typeof(RepeatRequestPlugin),
        SdkMessageName.Create,
        ServiceRequestTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Asynchronous)
    {
        Handler = LinkToEarlierRequest,
        Images = new[] { new StepImage(PostImageAlias, ImageType.PostImage, RepeatRequests.ColumnsRead) },
        Description = "Links a new request to the earlier one for the same unit and service line within 30 days. / 关联 30 天内同一房屋同一条线的前一工单并计数。",
    };

    public static readonly StepDeclaration OnCauseUpdate = new(
        typeof(RepeatRequestPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Asynchronous)
    {
        Handler = LinkToEarlierRequest,
        FilteringAttributes = new[] { ServiceRequestTable.Columns.ComplaintCause },
        Images = new[] { new StepImage(PostImageAlias, ImageType.PostImage, RepeatRequests.ColumnsRead) },
        Description = "Links a complaint to the earlier complaint with the same cause from the same unit or owner within 30 days, when its cause is set. / 填写投诉原因后，关联 30 天内同一房屋或同一业主同一原因的前一投诉。",
    };

    public RepeatRequestPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void LinkToEarlierRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var request = execution.GetPostImage(PostImageAlias) ?? execution.GetRequiredTarget();
        if (request.Id == System.Guid.Empty)
        {
            request.Id = execution.PrimaryEntityId;
        }

        // As SYSTEM: see RepeatRequests.Link for why.
        new RepeatRequests(context.Scope).Link(request, execution.OperationCreatedOn);
    }
}
