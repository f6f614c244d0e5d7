using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Clears this worker's <see cref="LoyaltyConfigurationCache"/> snapshot when an admin saves an earning rule or the
/// tier policy, so the change applies at once here; other workers pick it up within the cache's 5-minute lifetime.
/// Post-operation, no service calls.
/// </summary>
public sealed class LoyaltyConfigurationChangedPlugin : PluginBase
{
    public static readonly StepDeclaration OnEarningRuleCreate = Declare(SdkMessageName.Create, EarningRuleTable.LogicalName);

    public static readonly StepDeclaration OnEarningRuleUpdate = Declare(SdkMessageName.Update, EarningRuleTable.LogicalName);

    public static readonly StepDeclaration OnTierPolicyCreate = Declare(SdkMessageName.Create, TierPolicyTable.LogicalName);

    public static readonly StepDeclaration OnTierPolicyUpdate = Declare(SdkMessageName.Update, TierPolicyTable.LogicalName);

    public LoyaltyConfigurationChangedPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Reload(ILocalPluginContext context) =>
        LoyaltyConfigurationCache.Invalidate(context.PluginExecutionContext.OrganizationId);

    private static StepDeclaration Declare(string message, string table) =>
        new(typeof(LoyaltyConfigurationChangedPlugin), message, table, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            Handler = Reload,
            Description = "Reloads the loyalty configuration. / 积分与等级配置变更后刷新缓存。",
        };
}
