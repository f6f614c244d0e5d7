using PropertyCrm.Plugins.Logic.Lifecycle;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Lifecycle;

/// <summary>
/// Custom API <c>pcrm_RunLifecycleReview</c> (global action) for a scheduled cloud flow (daily): each owner's
/// lifecycle stage and churn-risk signals as of the review date, owner by owner within a time budget; returns a
/// continuation token when it stops early. See <see cref="LifecycleReviewSweep"/> for the scope, the call count and
/// idempotency.
/// </summary>
public sealed class RunLifecycleReviewPlugin : OwnerSweepPlugin
{
    public const string ApiName = "pcrm_RunLifecycleReview";
    public const string ChangedOutput = "Changed";

    public static readonly CustomApiDeclaration Api = Declare(new OwnerSweepApi
    {
        UniqueName = ApiName,
        PluginType = typeof(RunLifecycleReviewPlugin),
        DisplayName = new LocalizedText("执行业主生命周期评估", "Run lifecycle review"),
        Description = new LocalizedText(
            "按评估日更新业主生命周期阶段(新入住期、稳定期、流失风险期、流失期)与流失风险信号,仅在有变化时写入。供每日定时云端流调用;同一天可重复执行。",
            "Updates owners' lifecycle stage (new move-in, stable, churn risk, churned) and churn-risk signals as of the review date, writing only what changed. For a daily scheduled cloud flow; safe to run again the same day."),
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        AsOfLabel = new LocalizedText("评估时间", "As of"),
        AsOfDescription = new LocalizedText("按此时间所在的中国日期评估(UTC),不得晚于现在;留空为现在。", "Reviews as of the China date of this instant (UTC), not after now; blank for now."),
        MaxPageSize = LifecycleReviewSweep.MaxPageSize,
        DefaultPageSize = LifecycleReviewSweep.DefaultPageSize,
        ProcessedDescription = new LocalizedText("本次评估的业主数(含跳过的)。", "Owners reviewed by this call (skipped ones included)."),
        CountOutput = new CustomApiField(
            ChangedOutput,
            CustomApiFieldType.Integer,
            new LocalizedText("已更新", "Changed"),
            new LocalizedText("本次生命周期字段发生变化的业主数。", "Owners whose lifecycle columns this call changed.")),
        Run = (scope, arguments, started) => new LifecycleService(scope).RunReview(arguments, started),
    });

    public RunLifecycleReviewPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}
