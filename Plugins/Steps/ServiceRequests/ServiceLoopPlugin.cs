using System.Linq;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.FollowUps;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// 回访闭环 on the request: resolving creates the resolution's 回访, reopening counts, closing needs a verified 回访
/// (<see cref="ServiceLoop"/>). Pre-operation after the SLA and dispatch steps (rank 4): the SLA step has already refused
/// a transition the lifecycle does not allow, and what this step sets is saved with the status change.
/// </summary>
public sealed class ServiceLoopPlugin : PluginBase
{
    public const string PreImageAlias = "request";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(ServiceLoopPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = OnUpdateRequest,
        Rank = 4,
        FilteringAttributes = new[] { Columns.StatusCode }.Concat(ServiceLoop.CodeOwnedColumns).ToArray(),
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, ServiceLoop.PreImageColumns) { IsRequired = true } },
        Description = "Creates the 回访 on resolve, counts reopens, allows closing only after a verified 回访. / 解决时生成回访，统计返工，回访核实后方可关闭。",
    };

    public ServiceLoopPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void OnUpdateRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var pre = RequestLock.Current(execution, PreImageAlias);
        if (execution.IsDirectRequest())
        {
            ServiceLoop.RefuseCodeOwnedEdits(pre, target);
        }

        if (!target.Contains(Columns.StatusCode))
        {
            return;
        }

        var from = RequestStatusMapping.Read(pre);
        var to = RequestStatusMapping.Read(target);
        if (from == to)
        {
            return;
        }

        ServiceLoop.OnStatusChange(
            context.SystemService, pre, target, from, to, execution.InitiatingUserId, DataverseTime.Now(execution.OperationCreatedOn), context.Trace);
    }
}
