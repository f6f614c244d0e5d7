using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Custom API <c>pcrm_RunPointsExpiry</c> (global action) for a scheduled cloud flow (nightly, 00:05 China time):
/// expires the lots past their last usable day, owner by owner, within a time budget; returns a continuation token
/// when it stops early. See <see cref="PointsExpirySweep"/> for the query, the call count and idempotency.
/// </summary>
public sealed class RunPointsExpiryPlugin : OwnerSweepPlugin
{
    public const string ApiName = "pcrm_RunPointsExpiry";
    public const string PointsExpiredOutput = "PointsExpired";

    public static readonly CustomApiDeclaration Api = Declare(new OwnerSweepApi
    {
        UniqueName = ApiName,
        PluginType = typeof(RunPointsExpiryPlugin),
        DisplayName = new LocalizedText("执行积分到期处理", "Run points expiry"),
        Description = new LocalizedText(
            "将已过最后使用日的积分批次记为过期并更新业主积分余额。供定时云端流调用;可重复执行。",
            "Expires points lots past their last usable day and updates owners' balances. For a scheduled cloud flow; safe to run again."),
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        AsOfLabel = new LocalizedText("截至时间", "As of"),
        AsOfDescription = new LocalizedText("按此时间判断到期(UTC),不得晚于现在;留空为现在。", "The instant expiry is judged at (UTC), not after now; blank for now."),
        MaxPageSize = PointsExpirySweep.MaxPageSize,
        DefaultPageSize = PointsExpirySweep.DefaultPageSize,
        ProcessedDescription = new LocalizedText("本次处理的业主数。", "Owners handled by this call."),
        CountOutput = new CustomApiField(
            PointsExpiredOutput,
            CustomApiFieldType.Integer,
            new LocalizedText("过期积分", "Points expired"),
            new LocalizedText("本次记为过期的积分。", "Points expired by this call.")),
        Count = result => result.Points,
        Run = (scope, arguments, started) => new LoyaltySweepService(scope).RunPointsExpiry(arguments, started),
    });

    public RunPointsExpiryPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}
