using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Custom API <c>pcrm_RunTierReview</c> (global action) for a scheduled cloud flow (monthly): the periodic tier
/// review, owner by owner within a time budget (upgrades to the qualification, downgrades one level per review);
/// returns a continuation token when it stops early. See <see cref="TierReviewSweep"/> for the scope, the call count
/// and idempotency.
/// </summary>
public sealed class RunTierReviewPlugin : OwnerSweepPlugin
{
    public const string ApiName = "pcrm_RunTierReview";
    public const string ChangedOutput = "Changed";

    public static readonly CustomApiDeclaration Api = Declare(new OwnerSweepApi
    {
        UniqueName = ApiName,
        PluginType = typeof(RunTierReviewPlugin),
        DisplayName = new LocalizedText("执行会员等级定期评审", "Run tier review"),
        Description = new LocalizedText(
            "按评审日重新评估业主会员等级:达标即升级,不达标每次评审最多降一级,并记录等级变更历史。供定时云端流调用;同一评审日可重复执行。",
            "Reviews owners' tiers as of the review date: upgrades to what they qualify for, downgrades at most one level per review, and records the tier history. For a scheduled cloud flow; safe to run again for the same review date."),
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        AsOfLabel = new LocalizedText("评审时间", "As of"),
        AsOfDescription = new LocalizedText("按此时间评审(UTC),不得晚于现在;留空为现在。", "The review instant (UTC), not after now; blank for now."),
        MaxPageSize = TierReviewSweep.MaxPageSize,
        DefaultPageSize = TierReviewSweep.DefaultPageSize,
        ProcessedDescription = new LocalizedText("本次评审的业主数。", "Owners reviewed by this call."),
        CountOutput = new CustomApiField(
            ChangedOutput,
            CustomApiFieldType.Integer,
            new LocalizedText("等级变更", "Changed"),
            new LocalizedText("本次等级发生变化的业主数。", "Owners whose tier this call changed.")),
        Run = (scope, arguments, started) => new LoyaltySweepService(scope).RunTierReview(arguments, started),
    });

    public RunTierReviewPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}
