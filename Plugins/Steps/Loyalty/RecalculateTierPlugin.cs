using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Custom API <c>pcrm_RecalculateTier</c> (action, global): re-derives one owner's fee standing and tier now (trigger
/// Event: upgrades at once, never a downgrade — downgrades belong to the periodic review) and rewrites the contact's
/// balance (= ledger sum), 12-month paid, on-time ratio and consecutive unpaid months; a history row on a change.
/// Budget (warm): reads contact, ledger, bills; writes contact, history on a change.
/// </summary>
public sealed class RecalculateTierPlugin : PluginBase
{
    public const string ApiName = "pcrm_RecalculateTier";
    public const string ContactParameter = "Contact";
    public const string TierOutput = "Tier";
    public const string ChangedOutput = "Changed";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RecalculateTierPlugin),
        new LocalizedText("重新评估会员等级", "Recalculate tier"),
        new LocalizedText(
            "按缴费与互动积分重新评估一位业主的会员等级(只升不降,降级仅在定期评审),并刷新积分余额与缴费指标。",
            "Re-evaluates one owner's tier from fees and activity points (upgrades only; downgrades happen at the periodic review) and refreshes balance and fee figures."))
    {
        Handler = Recalculate,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.CorrectFeeStanding,
        RequestParameters = new[]
        {
            new CustomApiField(
                ContactParameter,
                CustomApiFieldType.EntityReference,
                new LocalizedText("业主", "Owner"),
                new LocalizedText("要评估的业主(联系人)。", "The owner (contact) to evaluate."))
            {
                LogicalEntityName = ContactTable.LogicalName,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(
                TierOutput,
                CustomApiFieldType.Picklist,
                new LocalizedText("会员等级", "Tier"),
                new LocalizedText("评估后的会员等级(pcrm_ownertier)。", "The tier afterwards (pcrm_ownertier).")),
            new CustomApiField(ChangedOutput, CustomApiFieldType.Boolean, new LocalizedText("已变更", "Changed"), new LocalizedText("等级是否变更。", "Whether the tier changed.")),
        },
    };

    public RecalculateTierPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Recalculate(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var contact = execution.GetRequiredInput<EntityReference>(ContactParameter);
        var assessment = new LoyaltyService(context.Scope).Recalculate(contact.Id);
        execution.OutputParameters[TierOutput] = OptionValues.ToOption(assessment.Tier);
        execution.OutputParameters[ChangedOutput] = assessment.Change is not null;
    }
}
