using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// Earning, redeeming, reversing and expiring points against one owner's <see cref="PointsLedger"/>. Every
/// method is pure: it reads the ledger and returns entries for the caller to append, and never reads a clock
/// (<c>now</c> is passed in, normally the plug-in operation's creation time).
/// </summary>
public sealed class PointsEngine
{
    public PointsEngine(PointsRules rules)
    {
        Guard.NotNull(rules, nameof(rules));

        Rules = rules.Validate();
    }

    public PointsRules Rules { get; }

    /// <summary>
    /// Awards points for an event, at most once per source and rule. Checks, in order: events that never earn
    /// (service requests, late payments), already applied, no rule or rule off, too small, already expired, cap.
    /// </summary>
    /// <param name="ledger">The owner's ledger.</param>
    /// <param name="loyaltyEvent">What happened.</param>
    /// <param name="tier">The owner's tier now, for the rule's multiplier.</param>
    /// <param name="now">The current instant; points whose expiry has already passed are not awarded.</param>
    public EarnResult Earn(PointsLedger ledger, LoyaltyEvent loyaltyEvent, OwnerTier tier, DateTimeOffset now)
    {
        Guard.NotNull(ledger, nameof(ledger));
        Guard.NotNull(loyaltyEvent, nameof(loyaltyEvent));

        if (!Enum.IsDefined(typeof(OwnerTier), tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier.");
        }

        switch (loyaltyEvent.Kind)
        {
            case LoyaltyEventKind.ServiceRequestFiled:
                return Nothing(
                    PointsReasonCodes.ServiceRequestsEarnNothing,
                    "报事报修不计积分(防止刷分) / Filing service requests earns no points, so that requests are never filed for points.");
            case LoyaltyEventKind.FeePaidLate:
                return Nothing(
                    PointsReasonCodes.LatePaymentEarnsNothing,
                    "逾期缴费不计积分 / Payments made after the due date earn no points.");
        }

        var code = RuleFor(loyaltyEvent.Kind);
        var name = EarnRuleNames.Of(code);

        // A replay must find its entry whatever the configuration says today, so this comes before the rule.
        var key = LedgerKeys.Earn(code, loyaltyEvent.SourceId);
        if (ledger.Find(key) is PointsLedgerEntry existing)
        {
            return new EarnResult(
                EarnOutcome.AlreadyApplied,
                existing,
                0,
                PointsReasonCodes.AlreadyApplied,
                $"“{name.Chinese}”已计过积分(流水 {existing.Key}) / '{name.English}' was already awarded (entry {existing.Key}).");
        }

        var rule = Rules.Find(code);
        if (rule is null)
        {
            return Nothing(PointsReasonCodes.NoRule, $"“{name.Chinese}”未配置积分规则 / No earn rule is configured for '{name.English}'.");
        }

        if (!rule.Enabled)
        {
            return Nothing(PointsReasonCodes.RuleDisabled, $"积分规则“{name.Chinese}”已停用 / The earn rule '{name.English}' is switched off.");
        }

        decimal basePoints;
        BilingualText description;
        if (code == EarnRuleCode.OnTimeFeePayment)
        {
            if (loyaltyEvent.Amount is not decimal amount)
            {
                throw new DomainException(
                    LoyaltyErrorCodes.FeeEventWithoutAmount,
                    "缴费积分需要缴费金额 / A fee payment event needs the amount paid.");
            }

            basePoints = amount * rule.PointsPerYuan;
            description = new BilingualText($"{name.Chinese} {Cny.Format(amount)}", $"{name.English} of {Cny.Format(amount)}");
        }
        else
        {
            basePoints = rule.PointsPerEvent;
            description = name;
        }

        var multiplier = rule.Multipliers.For(tier);
        var points = (int)Math.Floor(basePoints * multiplier);
        if (multiplier != 1m)
        {
            description = new BilingualText(
                $"{description.Chinese}({TierNames.Chinese(tier)} ×{Multiplier(multiplier)})",
                $"{description.English} ({TierNames.English(tier)} ×{Multiplier(multiplier)})");
        }

        if (points <= 0)
        {
            return Nothing(PointsReasonCodes.TooSmall, "金额过小,不足 1 积分 / The amount is too small to earn a whole point.");
        }

        var earnedOn = ChinaDate.FromInstant(loyaltyEvent.OccurredAt);
        var expiresOn = Rules.ExpiresOn(earnedOn);
        if (expiresOn.EndInstant <= now)
        {
            return Nothing(
                PointsReasonCodes.AlreadyExpired,
                $"该记录的积分已于 {expiresOn} 到期,不再补发 / Points for this record would have expired on {expiresOn}, so none are awarded.");
        }

        var reasonCode = PointsReasonCodes.Awarded;
        if (rule.MonthlyCap is int cap)
        {
            var month = earnedOn.YearMonth;
            var left = cap - ledger.EarnedInMonth(code, month);
            if (left <= 0)
            {
                return new EarnResult(
                    EarnOutcome.CapReached,
                    null,
                    0,
                    PointsReasonCodes.CapReached,
                    $"“{name.Chinese}”{month} 已达每月上限 {cap} 积分 / '{name.English}' has reached its monthly cap of {cap} points for {month}.");
            }

            if (points > left)
            {
                points = left;
                reasonCode = PointsReasonCodes.AwardedUpToCap;
                description = new BilingualText(
                    $"{description.Chinese}(本月上限 {cap})",
                    $"{description.English} (monthly cap {cap})");
            }
        }

        var entry = PointsLedgerEntry.Earn(
            key,
            ledger.NextSequence,
            code,
            loyaltyEvent.SourceId,
            points,
            loyaltyEvent.OccurredAt,
            expiresOn,
            description.ToString());
        return new EarnResult(
            EarnOutcome.Awarded,
            entry,
            points,
            reasonCode,
            $"获得 {points} 积分,{expiresOn} 到期:{description.Chinese} / Awarded {points} points, usable through {expiresOn}: {description.English}.");
    }

    /// <summary>
    /// Redeems <paramref name="quantity"/> of a reward. Lots past expiry are expired first (their entries lead
    /// the result), then the cost is taken from the oldest lots. Refused, never partially done, when the reward
    /// is withdrawn, above the owner's tier, out of stock, or the balance is short.
    /// </summary>
    /// <exception cref="DomainException">Codes <see cref="LoyaltyErrorCodes.RewardInactive"/>,
    /// <see cref="LoyaltyErrorCodes.RewardTierTooLow"/>, <see cref="LoyaltyErrorCodes.RewardOutOfStock"/>,
    /// <see cref="LoyaltyErrorCodes.InsufficientBalance"/>.</exception>
    public RedemptionResult Redeem(
        PointsLedger ledger,
        RewardItem reward,
        int quantity,
        string redemptionId,
        OwnerTier tier,
        DateTimeOffset now)
    {
        Guard.NotNull(ledger, nameof(ledger));
        Guard.NotNull(reward, nameof(reward));

        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Redeem at least one item.");
        }

        if (string.IsNullOrWhiteSpace(redemptionId))
        {
            throw new ArgumentException("A redemption needs its record id.", nameof(redemptionId));
        }

        var key = LedgerKeys.Redeem(redemptionId);
        if (ledger.Find(key) is PointsLedgerEntry existing)
        {
            return new RedemptionResult(true, existing, Array.Empty<PointsLedgerEntry>(), ledger.AllocationsOf(key), reward.Stock, ledger.Balance);
        }

        if (!reward.Active)
        {
            throw new DomainException(
                LoyaltyErrorCodes.RewardInactive,
                $"奖品已下架 / The reward is no longer offered: {reward.Name}");
        }

        if (tier < reward.MinimumTier)
        {
            throw new DomainException(
                LoyaltyErrorCodes.RewardTierTooLow,
                $"该奖品仅限{TierNames.Chinese(reward.MinimumTier)}及以上业主兑换 / Only {TierNames.English(reward.MinimumTier)} owners and above can redeem this reward.");
        }

        if (reward.Stock is int stock && stock < quantity)
        {
            throw new DomainException(
                LoyaltyErrorCodes.RewardOutOfStock,
                $"奖品库存不足(剩余 {stock}) / Not enough of this reward in stock ({stock} left).");
        }

        var cost = checked(reward.PointsCost * quantity);
        var sweep = SweepExpired(ledger, now);
        var available = ledger.Balance - sweep.ExpiredPoints;
        if (available < cost)
        {
            throw new DomainException(
                LoyaltyErrorCodes.InsufficientBalance,
                $"积分余额不足:需要 {cost},可用 {available} / Insufficient points balance: {cost} needed, {available} available.");
        }

        // The open lots are in FIFO order and the swept ones are a prefix of them (soonest expiry first), so
        // this walk takes exactly the lots the ledger's replay will take.
        var allocations = new List<LotAllocation>();
        var needed = cost;
        var lots = ledger.OpenLots;
        for (var i = sweep.ExpiredLots.Count; needed > 0; i++)
        {
            var taken = Math.Min(lots[i].Remaining, needed);
            allocations.Add(new LotAllocation(lots[i].LotKey, taken));
            needed -= taken;
        }

        var redemption = PointsLedgerEntry.Redeem(
            key,
            ledger.NextSequence + sweep.Entries.Count,
            redemptionId,
            reward.Code,
            quantity,
            -cost,
            now,
            $"兑换 / Redeemed: {reward.Name} ×{quantity}");

        var entries = new List<PointsLedgerEntry>(sweep.Entries) { redemption };
        return new RedemptionResult(false, redemption, entries, allocations, reward.Stock - quantity, available - cost);
    }

    /// <summary>
    /// Reverses an entry (see <see cref="PointsLedger"/> for what a reversal of each kind does). A reversal
    /// cannot itself be reversed; award the points again under a new source instead.
    /// </summary>
    /// <param name="reason">Why, for the history ("中文 / English" as staff typed it).</param>
    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.UnknownEntry"/> or
    /// <see cref="LoyaltyErrorCodes.ReversalOfReversal"/>.</exception>
    public ReversalResult Reverse(PointsLedger ledger, string entryKey, string reason, DateTimeOffset now)
    {
        Guard.NotNull(ledger, nameof(ledger));
        Guard.NotNull(entryKey, nameof(entryKey));

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reversal needs a reason.", nameof(reason));
        }

        var target = ledger.Find(entryKey) ?? throw new DomainException(
            LoyaltyErrorCodes.UnknownEntry,
            $"积分流水 {entryKey} 不存在 / There is no ledger entry {entryKey}.");

        if (target.Kind == LedgerEntryKind.Reversal)
        {
            throw new DomainException(LoyaltyErrorCodes.ReversalOfReversal, StaffReversal.ReversalOfReversalMessage);
        }

        if (ledger.ReversalOf(entryKey) is PointsLedgerEntry existing)
        {
            return new ReversalResult(true, existing);
        }

        int points;
        if (target.Kind == LedgerEntryKind.Earn)
        {
            points = 0;
            foreach (var lot in ledger.OpenLots)
            {
                if (string.Equals(lot.LotKey, entryKey, StringComparison.Ordinal))
                {
                    points = -lot.Remaining;
                    break;
                }
            }
        }
        else
        {
            points = 0;
            foreach (var allocation in ledger.AllocationsOf(entryKey))
            {
                if (!ledger.IsClosed(allocation.LotKey))
                {
                    points += allocation.Points;
                }
            }
        }

        var entry = PointsLedgerEntry.Reversal(
            LedgerKeys.Reversal(entryKey),
            ledger.NextSequence,
            entryKey,
            points,
            now,
            $"冲正 / Reversal of {entryKey}: {reason}");
        return new ReversalResult(false, entry);
    }

    /// <summary>
    /// The lots past their expiry at <paramref name="now"/> and the entries that expire them. A lot is past
    /// expiry from 00:00 +08:00 on the day after <see cref="PointsLot.ExpiresOn"/>: the nightly job on
    /// 2029-01-01 expires everything usable through 2028-12-31.
    /// </summary>
    public ExpirySweep SweepExpired(PointsLedger ledger, DateTimeOffset now)
    {
        Guard.NotNull(ledger, nameof(ledger));

        var entries = new List<PointsLedgerEntry>();
        var expired = new List<PointsLot>();
        var total = 0;
        var sequence = ledger.NextSequence;

        // Open lots are sorted by expiry first, so the expired ones are a prefix: stop at the first live one.
        foreach (var lot in ledger.OpenLots)
        {
            if (lot.ExpiresAt > now)
            {
                break;
            }

            expired.Add(lot);
            total += lot.Remaining;
            entries.Add(PointsLedgerEntry.Expire(
                LedgerKeys.Expire(lot.LotKey, ledger.ExpiriesOf(lot.LotKey) + 1),
                sequence++,
                lot.LotKey,
                -lot.Remaining,
                lot.ExpiresAt,
                $"积分到期({lot.ExpiresOn}) / Points expired ({lot.ExpiresOn})"));
        }

        return new ExpirySweep(now, entries, expired, total);
    }

    /// <summary>
    /// The sweep for a China date: as at its first instant (00:00 +08:00), which expires every lot whose last
    /// day was before <paramref name="date"/>. The 2029-01-01 sweep expires lots usable through 2028-12-31.
    /// </summary>
    public ExpirySweep SweepExpired(PointsLedger ledger, ChinaDate date) => SweepExpired(ledger, date.StartInstant);

    private static EarnRuleCode RuleFor(LoyaltyEventKind kind) => kind switch
    {
        LoyaltyEventKind.FeePaidOnTime => EarnRuleCode.OnTimeFeePayment,
        LoyaltyEventKind.FirstAppUse => EarnRuleCode.FirstAppUse,
        LoyaltyEventKind.SurveyCompleted => EarnRuleCode.SurveyCompleted,
        LoyaltyEventKind.CommunityEventAttended => EarnRuleCode.CommunityEventAttended,
        LoyaltyEventKind.SuggestionAdopted => EarnRuleCode.SuggestionAdopted,
        LoyaltyEventKind.Referral => EarnRuleCode.Referral,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This event kind never earns points."),
    };

    private static EarnResult Nothing(string code, string reason) => new EarnResult(EarnOutcome.NotEarning, null, 0, code, reason);

    private static string Multiplier(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
