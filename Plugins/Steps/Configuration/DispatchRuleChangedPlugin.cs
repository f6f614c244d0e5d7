using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.DispatchRuleTable.Columns;

namespace PropertyCrm.Plugins.Steps.Configuration;

/// <summary>
/// Clears this worker's <see cref="DispatchRuleCache"/> snapshot when an admin creates, changes or deletes a dispatch rule,
/// so the very next acceptance here uses the change; other workers pick it up within the cache's 5-minute lifetime.
/// Update is filtered to what dispatch reads from the cache, so the system's round-robin writes (last assignee, last
/// dispatched on) keep the cache warm. Post-operation, no service calls.
/// </summary>
public sealed class DispatchRuleChangedPlugin : PluginBase
{
    public static readonly StepDeclaration OnCreate = Declare(SdkMessageName.Create);

    public static readonly StepDeclaration OnUpdate = Declare(
        SdkMessageName.Update,
        Columns.Property,
        Columns.ServiceLine,
        Columns.Technician,
        Columns.Team,
        Columns.Strategy,
        Columns.StateCode);

    public static readonly StepDeclaration OnDelete = Declare(SdkMessageName.Delete);

    public DispatchRuleChangedPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Reload(ILocalPluginContext context) =>
        DispatchRuleCache.Invalidate(context.PluginExecutionContext.OrganizationId);

    private static StepDeclaration Declare(string message, params string[] filteringAttributes) =>
        new(typeof(DispatchRuleChangedPlugin), message, DispatchRuleTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            Handler = Reload,
            FilteringAttributes = filteringAttributes,
            Description = "Reloads the dispatch rules. / 派工规则变更后刷新缓存。",
        };
}
