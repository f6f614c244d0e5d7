using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Keeps <c>pcrm_loyaltyaccount</c> the system's (pre-validation, before any transaction work): a user, import or flow
/// (depth 1) may not create, change or delete an account; the owner lock writes it at depth ≥ 2, and deleting the
/// owner's contact (PIPL erasure) deletes it by cascade. Without this, a user holding Write could hold the row lock
/// from a long-running client transaction or break the one-account-per-owner lock. No service calls.
/// </summary>
public sealed class LoyaltyAccountGuardPlugin : PluginBase
{
    /// <summary>Error code of the refusals.</summary>
    public const string SystemOnlyCode = "loyalty.account.system-only";

    public const string Refused = "会员账户由系统维护,不可手工新建、修改或删除 / Loyalty accounts are maintained by the system; they cannot be created, changed or deleted directly.";

    public static readonly StepDeclaration OnCreate = Declare(SdkMessageName.Create, "Refuses loyalty accounts created directly. / 禁止手工新建会员账户。");

    public static readonly StepDeclaration OnUpdate = Declare(SdkMessageName.Update, "Refuses direct changes to loyalty accounts. / 禁止手工修改会员账户。");

    public static readonly StepDeclaration OnDelete = Declare(SdkMessageName.Delete, "Refuses deleting loyalty accounts except with the owner. / 会员账户仅随业主删除。");

    public LoyaltyAccountGuardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static StepDeclaration Declare(string message, string description) =>
        new(typeof(LoyaltyAccountGuardPlugin), message, LoyaltyAccountTable.LogicalName, PipelineStage.PreValidation, ExecutionMode.Synchronous)
        {
            Handler = RefuseDirect,
            Description = description,
        };

    private static void RefuseDirect(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (!execution.IsDirectRequest() || execution.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            return;
        }

        throw new DomainException(SystemOnlyCode, Refused);
    }
}
