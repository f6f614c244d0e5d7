using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Owner loyalty operations, one per Custom API / workflow activity pair and per fee payment event, built from one
/// <see cref="ExecutionScope"/>. Ledger, balance and tier writes go through the scope's SYSTEM service (code-only
/// rows); a redemption is created as the caller, so their privileges and the redemption steps apply as for a form.
/// The call budgets are those of <see cref="OwnerLoyaltyLogic"/>, <see cref="ReversalLogic"/> and
/// <see cref="RedeemRewardRequest"/>; the configuration comes from <see cref="LoyaltyConfigurationCache"/>.
/// </summary>
public sealed class LoyaltyService
{
    /// <summary>Error code when a flow names a rule it may not award.</summary>
    public const string RuleNotAwardableCode = "points.award.rule-not-awardable";

    private readonly ExecutionScope scope;

    public LoyaltyService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>
    /// What <c>pcrm_AwardPoints</c> and the award workflow activity do: award the rule's points for an activity of the
    /// owner (community event, survey, suggestion, referral, first APP use), at most once per (rule, source). Refuses
    /// an unknown rule, the fee payment rule (fee points come only from payment records), and a rule that is not
    /// configured or switched off. There is deliberately no rule for service requests. A reached monthly cap is not an
    /// error: the outcome says so and awards nothing.
    /// </summary>
    /// <exception cref="DomainException">With <see cref="RuleNotAwardableCode"/>.</exception>
    public AwardOutcome Award(ActivityAward request)
    {
        Guard.NotNull(request, nameof(request));
        var kind = ActivityKind(request.RuleOptionValue);
        var sourceId = request.SourceId;
        if (string.IsNullOrWhiteSpace(sourceId))
        {
            throw new DomainException(RuleNotAwardableCode, "缺少来源记录编号 / The source record id is missing.");
        }

        // Also for the workflow activity, which has no declared maximum: the id becomes part of the entry's key.
        TextLimits.RequireAtMost(sourceId!.Trim(), PointsEntryTable.MaxLengths.SourceId, "SourceId");

        var occurredAt = DataverseTime.ToInstant(scope.Now);
        var outcome = OwnerLoyaltyLogic.Award(scope.SystemService, Configuration(), request.ContactId, new LoyaltyEvent(kind, sourceId.Trim(), occurredAt), scope.Now, scope.Trace);
        if (outcome.Result.Outcome == EarnOutcome.NotEarning
            && (outcome.Result.ReasonCode == PointsReasonCodes.NoRule || outcome.Result.ReasonCode == PointsReasonCodes.RuleDisabled))
        {
            throw new DomainException(RuleNotAwardableCode, outcome.Result.Reason);
        }

        return outcome;
    }

    /// <summary>A fee payment's points, under the owner lock its pre-operation step took; the tier is always recomputed.</summary>
    public AwardOutcome AwardFeePayment(OwnerSnapshot owner, LoyaltyEvent payment) =>
        OwnerLoyaltyLogic.Award(scope.SystemService, Configuration(), owner, payment, scope.Now, scope.Trace, recalculateAlways: true);

    /// <summary>Takes back a deleted payment's on-time points and recomputes standing and tier.</summary>
    public TierAssessment WithdrawPayment(OwnerSnapshot owner, Guid paymentId) =>
        OwnerLoyaltyLogic.WithdrawPayment(scope.SystemService, Configuration(), owner, paymentId, scope.Now, scope.Trace);

    /// <summary><c>pcrm_RecalculateTier</c> and its activity: one owner's standing and tier, upgrades only.</summary>
    public TierAssessment Recalculate(Guid contactId) =>
        OwnerLoyaltyLogic.Recalculate(scope.SystemService, Configuration(), contactId, scope.Now, TierTrigger.Event, scope.Trace);

    /// <summary><c>pcrm_ReversePointsEntry</c> and its activity.</summary>
    public ReversalOutcome Reverse(EntryReversal request) =>
        ReversalLogic.ReverseEntry(scope.SystemService, Guard.NotNull(request, nameof(request)).Entry, request.Reason, DataverseTime.ToInstant(scope.Now), scope.Trace);

    /// <summary><c>pcrm_RedeemReward</c> and its activity: creates the redemption as the caller.</summary>
    public RedemptionOutcome Redeem(RewardRedemption request)
    {
        Guard.NotNull(request, nameof(request));
        var outcome = RedeemRewardRequest.Execute(scope.Service, request.Owner, request.Reward, request.Quantity);
        scope.Trace($"Redemption {outcome.RedemptionId}: {outcome.PointsSpent} points, balance {outcome.Balance}.");
        return outcome;
    }

    private LoyaltyConfiguration Configuration() =>
        LoyaltyConfigurationCache.Get(scope.SystemService, scope.OrganizationId, scope.Now, scope.Trace);

    private static LoyaltyEventKind ActivityKind(int ruleOptionValue)
    {
        switch (OptionValues.ToEnum<EarnRuleCode>(new OptionSetValue(ruleOptionValue)))
        {
            case EarnRuleCode.FirstAppUse: return LoyaltyEventKind.FirstAppUse;
            case EarnRuleCode.SurveyCompleted: return LoyaltyEventKind.SurveyCompleted;
            case EarnRuleCode.CommunityEventAttended: return LoyaltyEventKind.CommunityEventAttended;
            case EarnRuleCode.SuggestionAdopted: return LoyaltyEventKind.SuggestionAdopted;
            case EarnRuleCode.Referral: return LoyaltyEventKind.Referral;
            case EarnRuleCode.OnTimeFeePayment:
                throw new DomainException(RuleNotAwardableCode, "缴费积分只能由缴费记录产生 / Fee payment points come only from fee payment records.");
            default:
                throw new DomainException(RuleNotAwardableCode, $"未知的积分规则 {ruleOptionValue} / Unknown earn rule {ruleOptionValue}.");
        }
    }
}
