using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// Serialises the status changes of one request: the first pre-operation step of a request update that sets a status
/// (rank 1; the status rules run at ranks 2–4) takes the request's row lock and reads the row under it
/// (<see cref="RequestLock"/>), and hands that row to the rule steps, which decide on it instead of their pre-images.
/// Calls: 1 write (<c>pcrm_lockedon</c>) + 1 read, whatever the status.
/// </summary>
public sealed class RequestStatusLockPlugin : PluginBase
{
    /// <summary>The steps that decide on a status change: the lock read carries every column their pre-images carry.</summary>
    public static readonly StepDeclaration[] RuleSteps =
    {
        ServiceRequestRecordsPlugin.OnUpdate, ServiceRequestSlaPlugin.OnUpdate, DispatchPlugin.OnUpdate, ServiceLoopPlugin.OnUpdate,
    };

    /// <summary>The columns read under the lock: the union of the rule steps' pre-image columns.</summary>
    public static readonly string[] ColumnsRead = RuleSteps
        .SelectMany(s => s.Images)
        .Where(i => i.Type == ImageType.PreImage)
        .SelectMany(i => i.Attributes)
        .Distinct()
        .ToArray();

    public static readonly StepDeclaration OnUpdate = new(
        typeof(RequestStatusLockPlugin),
        SdkMessageName.Update,
        ServiceRequestTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = LockRequest,
        Rank = 1,
        FilteringAttributes = new[] { Columns.StatusCode },
        Description = "Locks the request and reads it before its status rules run, so two status changes of one request are checked one after the other. / 状态规则执行前锁定并重新读取报事，同一报事的并发状态变更依次校验。",
    };

    public RequestStatusLockPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void LockRequest(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        if (!target.Contains(Columns.StatusCode))
        {
            return;
        }

        if (RequestLock.IsOptimistic(execution))
        {
            context.Trace($"Request {target.Id}: saved with IfRowVersionMatches; the platform's version check stands for the lock.");
            return;
        }

        var row = RequestLock.LockAndRead(context.SystemService, target.Id, DataverseTime.Now(execution.OperationCreatedOn).UtcDateTime, new ColumnSet(ColumnsRead));
        execution.SharedVariables[RequestLock.SharedVariable] = row;
        context.Trace($"Request {target.Id} locked; status {row.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value} read under the lock.");
    }
}
