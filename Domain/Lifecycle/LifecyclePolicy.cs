using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// Decides the lifecycle stage and churn-risk flags from an owner's facts, and dates every change.
/// </summary>
/// <remarks>
/// <para>Flags (each dated on the day its condition first became true):</para>
/// <list type="bullet">
/// <item>Consecutive unpaid months ≥ <see cref="LifecycleRules.ChurnRiskUnpaidMonths"/> (3): dated the day the
/// third month fell overdue (<see cref="Loyalty.Fees.FeeStanding.UnpaidRunReachedOn"/>).</item>
/// <item>No service request for <see cref="LifecycleRules.ChurnRiskQuietMonths"/> (6) months, counted from the last
/// request, or from move-in when there was none: dated last request (or move-in) + 6 months.</item>
/// </list>
/// <para>Stage, first rule that applies:</para>
/// <list type="number">
/// <item>Churned: moved out on or before the date (dated the move-out), or ≥ <see cref="LifecycleRules.ChurnedUnpaidMonths"/>
/// (6) consecutive unpaid months (dated the day the sixth fell overdue). Not final for non-payment: settling
/// the arrears brings the owner back.</item>
/// <item>ChurnRisk: any flag up, dated by the earliest flag. A risk signal outranks newness: it must reach the butler.</item>
/// <item>NewMoveIn: within <see cref="LifecycleRules.NewMoveInDays"/> (90) days of move-in, move-in day being day 1.</item>
/// <item>Stable: otherwise; dated move-in + 90 days, or, when recovering from risk or churn, the owner's latest
/// request or payment after the previous change (else the evaluation date).</item>
/// </list>
/// <para>With a previous status, an unchanged stage keeps its date, and a new stage is never dated before the
/// previous change nor after the evaluation date, so the timeline always reads forward.</para>
/// </remarks>
public sealed class LifecyclePolicy
{
    public LifecyclePolicy(LifecycleRules rules)
    {
        Guard.NotNull(rules, nameof(rules));

        Rules = rules.Validate();
    }

    public LifecycleRules Rules { get; }

    /// <param name="facts">The owner's facts; <c>facts.Fees</c> must be derived for <paramref name="asOf"/>.</param>
    /// <param name="previous">The stored status, or null the first time.</param>
    /// <param name="asOf">The evaluation date (China).</param>
    /// <exception cref="DomainException">The owner has not moved in yet, or moved out before moving in.</exception>
    public LifecycleAssessment Assess(OwnerFacts facts, LifecycleStatus? previous, ChinaDate asOf)
    {
        Guard.NotNull(facts, nameof(facts));

        if (facts.Fees.AsOf != asOf)
        {
            throw new ArgumentException($"The fee standing is for {facts.Fees.AsOf}, not {asOf}.", nameof(facts));
        }

        if (facts.MoveOutOn is ChinaDate moveOut && moveOut < facts.MoveInOn)
        {
            throw new DomainException(
                LifecycleErrorCodes.MoveOutBeforeMoveIn,
                $"迁出日期 {moveOut} 早于入住日期 {facts.MoveInOn} / The move-out date {moveOut} is before the move-in date {facts.MoveInOn}.");
        }

        if (asOf < facts.MoveInOn)
        {
            throw new DomainException(
                LifecycleErrorCodes.NotMovedIn,
                $"业主将于 {facts.MoveInOn} 入住,尚无生命周期阶段 / The owner moves in on {facts.MoveInOn} and has no lifecycle stage yet.");
        }

        var fees = facts.Fees;
        var lastRequest = facts.LastServiceRequestOn(asOf);
        var movedOutBy = facts.MoveOutOn is ChinaDate end && end <= asOf;

        // A former owner is not at risk of leaving: flags only make sense while they live there.
        var raised = movedOutBy ? new List<RaisedFlag>() : RaisedFlags(facts, lastRequest, asOf);
        var flags = raised.ConvertAll(flag => flag.Flag);

        LifecycleStage stage;
        ChinaDate since;
        string code;
        string reason;
        if (movedOutBy && facts.MoveOutOn is ChinaDate movedOut)
        {
            stage = LifecycleStage.Churned;
            since = movedOut;
            code = LifecycleReasonCodes.ChurnedMovedOut;
            reason = $"已于 {movedOut} 迁出 / Moved out on {movedOut}.";
        }
        else if (fees.ConsecutiveUnpaidMonths >= Rules.ChurnedUnpaidMonths)
        {
            stage = LifecycleStage.Churned;
            since = fees.UnpaidRunReachedOn(Rules.ChurnedUnpaidMonths)!.Value;
            code = LifecycleReasonCodes.ChurnedUnpaid;
            reason = $"连续 {fees.ConsecutiveUnpaidMonths} 个月未缴费(满 {Rules.ChurnedUnpaidMonths} 个月视为流失) / {fees.ConsecutiveUnpaidMonths} consecutive months unpaid ({Rules.ChurnedUnpaidMonths} or more is churned).";
        }
        else if (raised.Count > 0)
        {
            stage = LifecycleStage.ChurnRisk;
            since = raised[0].Flag.RaisedOn;
            var chinese = new List<string>();
            var english = new List<string>();
            foreach (var flag in raised)
            {
                since = ChinaDate.Min(since, flag.Flag.RaisedOn);
                chinese.Add(flag.Text.Chinese);
                english.Add(flag.Text.English);
            }

            code = LifecycleReasonCodes.ChurnRisk;
            reason = "流失风险:" + string.Join(";", chinese) + " / Churn risk: " + string.Join(" ", english);
        }
        else if (asOf < facts.MoveInOn.AddDays(Rules.NewMoveInDays))
        {
            stage = LifecycleStage.NewMoveIn;
            since = facts.MoveInOn;
            code = LifecycleReasonCodes.NewMoveIn;
            reason = $"{facts.MoveInOn} 入住,{Rules.NewMoveInDays} 天内为新入住期 / Moved in on {facts.MoveInOn}; the first {Rules.NewMoveInDays} days are the new move-in stage.";
        }
        else
        {
            stage = LifecycleStage.Stable;
            since = facts.MoveInOn.AddDays(Rules.NewMoveInDays);
            if (previous is not null && previous.Stage is LifecycleStage.ChurnRisk or LifecycleStage.Churned)
            {
                since = RecoveredOn(previous.StageSince, lastRequest, fees.LastPaymentOn) ?? asOf;
            }

            code = LifecycleReasonCodes.Stable;
            reason = $"入住已满 {Rules.NewMoveInDays} 天,且无流失风险信号 / More than {Rules.NewMoveInDays} days since moving in and no churn-risk signal.";
        }

        var changes = new List<LifecycleChange>();
        if (previous is not null)
        {
            AddFlagChanges(previous, flags, lastRequest, fees.LastPaymentOn, asOf, changes);
            if (previous.Stage == stage)
            {
                since = previous.StageSince;
            }
            else
            {
                since = ChinaDate.Min(ChinaDate.Max(since, previous.StageSince), asOf);
                changes.Add(new LifecycleChange(LifecycleChangeKind.StageChanged, since, previous.Stage, stage, null, code, reason));
            }
        }
        else
        {
            foreach (var flag in flags)
            {
                changes.Add(new LifecycleChange(LifecycleChangeKind.FlagRaised, flag.RaisedOn, null, null, flag.Kind, LifecycleReasonCodes.FlagRaised, flag.Reason));
            }

            changes.Add(new LifecycleChange(LifecycleChangeKind.StageChanged, since, null, stage, null, code, reason));
        }

        changes.Sort((left, right) => left.On.CompareTo(right.On));
        return new LifecycleAssessment(new LifecycleStatus(stage, since, flags), code, reason, changes);
    }

    private List<RaisedFlag> RaisedFlags(OwnerFacts facts, ChinaDate? lastRequest, ChinaDate asOf)
    {
        var flags = new List<RaisedFlag>(2);
        var fees = facts.Fees;
        if (fees.ConsecutiveUnpaidMonths >= Rules.ChurnRiskUnpaidMonths)
        {
            flags.Add(new RaisedFlag(
                ChurnRiskFlagKind.ConsecutiveUnpaidMonths,
                fees.UnpaidRunReachedOn(Rules.ChurnRiskUnpaidMonths)!.Value,
                new BilingualText(
                    $"连续 {fees.ConsecutiveUnpaidMonths} 个月未缴费",
                    $"{fees.ConsecutiveUnpaidMonths} consecutive months unpaid.")));
        }

        var quietFrom = lastRequest is ChinaDate lastOn ? ChinaDate.Max(lastOn, facts.MoveInOn) : facts.MoveInOn;
        var quietFlagOn = quietFrom.AddMonths(Rules.ChurnRiskQuietMonths);
        if (quietFlagOn <= asOf)
        {
            var last = lastRequest is ChinaDate known
                ? new BilingualText(known.ToString(), known.ToString())
                : new BilingualText("入住以来无", "none since moving in");
            flags.Add(new RaisedFlag(
                ChurnRiskFlagKind.NoRecentServiceRequest,
                quietFlagOn,
                new BilingualText(
                    $"{Rules.ChurnRiskQuietMonths} 个月内无报事记录(上次:{last.Chinese})",
                    $"No service request in {Rules.ChurnRiskQuietMonths} months (last: {last.English}).")));
        }

        return flags;
    }

    private static void AddFlagChanges(
        LifecycleStatus previous,
        List<ChurnRiskFlag> flags,
        ChinaDate? lastRequest,
        ChinaDate? lastPayment,
        ChinaDate asOf,
        List<LifecycleChange> changes)
    {
        foreach (var flag in flags)
        {
            if (Find(previous.Flags, flag.Kind) is null)
            {
                changes.Add(new LifecycleChange(LifecycleChangeKind.FlagRaised, flag.RaisedOn, null, null, flag.Kind, LifecycleReasonCodes.FlagRaised, flag.Reason));
            }
        }

        foreach (var old in previous.Flags)
        {
            if (Find(flags, old.Kind) is not null)
            {
                continue;
            }

            // Cleared by the owner's own action: the request that broke the silence, the payment that broke
            // the run. Without that evidence (e.g. a bill was cancelled) the evaluation date is the best known.
            var evidence = old.Kind == ChurnRiskFlagKind.NoRecentServiceRequest ? lastRequest : lastPayment;
            var on = evidence is ChinaDate seen && seen >= old.RaisedOn ? ChinaDate.Min(seen, asOf) : asOf;
            var reason = old.Kind == ChurnRiskFlagKind.NoRecentServiceRequest
                ? "业主已有新的报事记录 / The owner has made a service request again."
                : "欠费已不再连续超过阈值 / The unpaid months no longer reach the threshold.";
            changes.Add(new LifecycleChange(LifecycleChangeKind.FlagCleared, on, null, null, old.Kind, LifecycleReasonCodes.FlagCleared, reason));
        }
    }

    private static ChinaDate? RecoveredOn(ChinaDate previousSince, ChinaDate? lastRequest, ChinaDate? lastPayment)
    {
        ChinaDate? latest = null;
        foreach (var candidate in new[] { lastRequest, lastPayment })
        {
            if (candidate is ChinaDate date && date >= previousSince && (latest is not ChinaDate soFar || date > soFar))
            {
                latest = date;
            }
        }

        return latest;
    }

    private static ChurnRiskFlag? Find(IReadOnlyList<ChurnRiskFlag> flags, ChurnRiskFlagKind kind)
    {
        foreach (var flag in flags)
        {
            if (flag.Kind == kind)
            {
                return flag;
            }
        }

        return null;
    }

    /// <summary>A flag with its reason still in two parts, so the stage reason can quote it per language.</summary>
    private sealed class RaisedFlag
    {
        public RaisedFlag(ChurnRiskFlagKind kind, ChinaDate raisedOn, BilingualText text)
        {
            Text = text;
            Flag = new ChurnRiskFlag(kind, raisedOn, text.ToString());
        }

        public ChurnRiskFlag Flag { get; }

        public BilingualText Text { get; }
    }
}
