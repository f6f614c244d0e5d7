using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// The loyalty work behind <see cref="LoyaltyService"/> (the fee payment steps, the <c>pcrm_AwardPoints</c> /
/// <c>pcrm_RecalculateTier</c> Custom APIs and their workflow activities): award points for an event, recompute fee standing and tier (trigger Event:
/// upgrades only), write the contact (balance + tier columns, one Update) and a <c>pcrm_tierhistory</c> row per change.
/// </summary>
/// <remarks>
/// <para><b>Owner lock first.</b> Every award and recalculation starts with <see cref="OwnerLock.Lock"/> (write the
/// owner's loyalty account row, holding its exclusive lock until commit) and only then reads the ledger. Two payments of one owner
/// arriving together therefore run one after the other: the second sees the first's entry, takes the next sequence
/// number, counts it against the monthly cap and writes a balance that includes it. Without the lock both would read
/// the same ledger and the later contact write would drop the earlier award from the balance.</para>
/// <para><b>Call budget</b> of <see cref="Award(IOrganizationService, LoyaltyConfiguration, Guid, LoyaltyEvent, DateTime, Action{string}, bool)"/>
/// (warm configuration): reads — contact (under the account lock), ledger (1 per 5,000 entries), bills with their payments
/// (one outer-join query, 36 months) = 3; writes — account lock, entry, contact (only the columns that change: none when a
/// capped award earns 0), history (on a change only) = 3 (+1). An award that is refused or already applied: 2 reads
/// (contact, ledger), 1 write (the lock). The first lock of an owner: +1 write (the new account takes the contact's
/// owner). Cold configuration: +2 reads.</para>
/// </remarks>
public static class OwnerLoyaltyLogic
{
    /// <summary>How far back bills are read for the fee standing (<see cref="FeeStandingReader.BillMonths"/>).</summary>
    public const int BillMonths = FeeStandingReader.BillMonths;

    /// <summary>Locks the owner's loyalty account, then awards points for <paramref name="loyaltyEvent"/> and recomputes the tier
    /// when anything was awarded.</summary>
    /// <param name="recalculateAlways">Recompute standing and tier even when nothing is awarded (a late fee payment
    /// still changes the owner's standing).</param>
    public static AwardOutcome Award(
        IOrganizationService service,
        LoyaltyConfiguration config,
        Guid contactId,
        LoyaltyEvent loyaltyEvent,
        DateTime nowUtc,
        Action<string>? trace = null,
        bool recalculateAlways = false) =>
        Award(service, config, OwnerLock.Lock(service, contactId, nowUtc), loyaltyEvent, nowUtc, trace, recalculateAlways);

    /// <summary>As <see cref="Award(IOrganizationService, LoyaltyConfiguration, Guid, LoyaltyEvent, DateTime, Action{string}, bool)"/>
    /// for an owner whose row the caller has already locked with <see cref="OwnerLock.Lock"/> in this transaction.</summary>
    public static AwardOutcome Award(
        IOrganizationService service,
        LoyaltyConfiguration config,
        OwnerSnapshot owner,
        LoyaltyEvent loyaltyEvent,
        DateTime nowUtc,
        Action<string>? trace = null,
        bool recalculateAlways = false)
    {
        Guard.NotNull(owner, nameof(owner));

        var now = DataverseTime.ToInstant(nowUtc);
        var contactId = owner.Id;
        var tier = owner.Tier;
        var rowIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var ledger = LedgerStore.Read(service, contactId, rowIds);
        var result = config.CreateEngine().Earn(ledger, loyaltyEvent, tier, now);
        trace?.Invoke($"Earn {loyaltyEvent.Kind} {loyaltyEvent.SourceId}: {result.Outcome} {result.Points} ({result.ReasonCode}).");
        if (!result.HasNewEntry || result.Entry is null)
        {
            Guid? existing = result.Entry is not null && rowIds.TryGetValue(result.Entry.Key, out var id) ? id : null;
            var unchanged = recalculateAlways ? WriteOwner(service, config, owner, ledger, now, TierTrigger.Event, trace) : null;
            if (unchanged is null)
            {
                // Repair the stored balance if it had drifted from the ledger; normally nothing is written.
                OwnerLock.WriteBalance(service, owner, ledger.Balance);
            }

            return new AwardOutcome(result, existing, ledger.Balance, unchanged);
        }

        var entryId = LedgerStore.Append(service, contactId, new[] { result.Entry }, rowOwner: owner.RowOwner)[0];
        var after = ledger.Append(new[] { result.Entry });
        var assessment = WriteOwner(service, config, owner, after, now, TierTrigger.Event, trace);
        return new AwardOutcome(result, entryId, after.Balance, assessment);
    }

    /// <summary>Recorded on the reversal of a deleted payment's points.</summary>
    public const string PaymentDeletedReason = "缴费记录已删除 / Fee payment deleted";

    /// <summary>
    /// Takes back what a deleted fee payment earned, for an owner whose row the caller has locked: reverses its
    /// on-time points (what is left of them: points already redeemed or expired stay so) unless it earned none or they
    /// were reversed already, then recomputes fee standing and tier without the payment (trigger Event: a payment
    /// that no longer counts lowers the qualification, but the tier comes down only at the periodic review) and writes
    /// the contact. Reads: ledger, bills with payments; writes: reversal (when there are points), contact.
    /// </summary>
    public static TierAssessment WithdrawPayment(
        IOrganizationService service,
        LoyaltyConfiguration config,
        OwnerSnapshot owner,
        Guid paymentId,
        DateTime nowUtc,
        Action<string>? trace = null)
    {
        Guard.NotNull(owner, nameof(owner));

        var now = DataverseTime.ToInstant(nowUtc);
        var ledger = LedgerStore.Read(service, owner.Id);
        var key = LedgerKeys.Earn(EarnRuleCode.OnTimeFeePayment, FeeMapping.Id(paymentId));
        if (ledger.Find(key) is not null && ledger.ReversalOf(key) is null)
        {
            var reversal = config.CreateEngine().Reverse(ledger, key, PaymentDeletedReason, now).Reversal;
            LedgerStore.Append(service, owner.Id, new[] { reversal }, rowOwner: owner.RowOwner);
            ledger = ledger.Append(new[] { reversal });
            trace?.Invoke($"Payment {paymentId} deleted: {reversal.Points} points reversed.");
        }
        else
        {
            trace?.Invoke($"Payment {paymentId} deleted: it had no points standing.");
        }

        return WriteOwner(service, config, owner, ledger, now, TierTrigger.Event, trace);
    }

    /// <summary>
    /// Recomputes one owner's fee standing and tier (trigger <paramref name="trigger"/>) and writes the contact (balance
    /// = ledger sum, tier columns) and a history row on a change. Reads: contact (lock), ledger, bills; writes: lock, contact,
    /// history (on a change).
    /// </summary>
    public static TierAssessment Recalculate(
        IOrganizationService service,
        LoyaltyConfiguration config,
        Guid contactId,
        DateTime nowUtc,
        TierTrigger trigger,
        Action<string>? trace = null)
    {
        // Lock before reading the ledger: the balance written below must include any award or redemption that
        // commits meanwhile, so those wait for this transaction instead of being overwritten by it.
        return Recalculate(service, config, OwnerLock.Lock(service, contactId, nowUtc), nowUtc, trigger, trace);
    }

    /// <summary>As <see cref="Recalculate(IOrganizationService, LoyaltyConfiguration, Guid, DateTime, TierTrigger, Action{string})"/>
    /// for an owner whose row the caller has already locked with <see cref="OwnerLock.Lock"/> in this transaction.</summary>
    public static TierAssessment Recalculate(
        IOrganizationService service,
        LoyaltyConfiguration config,
        OwnerSnapshot owner,
        DateTime nowUtc,
        TierTrigger trigger,
        Action<string>? trace = null)
    {
        Guard.NotNull(owner, nameof(owner));

        var now = DataverseTime.ToInstant(nowUtc);
        var ledger = LedgerStore.Read(service, owner.Id);
        return WriteOwner(service, config, owner, ledger, now, trigger, trace);
    }

    private static TierAssessment WriteOwner(
        IOrganizationService service,
        LoyaltyConfiguration config,
        OwnerSnapshot owner,
        PointsLedger ledger,
        DateTimeOffset now,
        TierTrigger trigger,
        Action<string>? trace)
    {
        var contactId = owner.Id;
        var current = owner.Tier;
        var rowOwner = owner.RowOwner;
        var today = ChinaDate.FromInstant(now);
        var standing = FeeStandingReader.Read(service, contactId, today);
        var assessment = new TierPolicy(config.TierRules).Assess(current, standing, ledger.EngagementPoints(today), trigger);
        trace?.Invoke($"Tier {current} → {assessment.Tier} ({assessment.Qualification.ReasonCode}).");

        // Only the columns whose value changes: a write that changes nothing still bumps the contact's version, fires its
        // unfiltered Update steps and flows and breaks clients' optimistic concurrency (the lock is on the account row).
        var update = ContactChanges.Of(owner, ledger.Balance, standing);
        if (assessment.Change is TierChange change)
        {
            update[ContactTable.Columns.Tier] = OptionValues.ToOption(change.To);
            update[ContactTable.Columns.TierChangedOn] = now.UtcDateTime;
        }

        if (update.Attributes.Count > 0)
        {
            service.Update(update);
        }

        if (assessment.Change is TierChange changed)
        {
            var history = new Entity(TierHistoryTable.LogicalName)
            {
                [TierHistoryTable.Columns.Name] = ColumnText.Fit(changed.From + " → " + changed.To, TierHistoryTable.MaxLengths.Name),
                [TierHistoryTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contactId),
                [TierHistoryTable.Columns.FromTier] = OptionValues.ToOption(changed.From),
                [TierHistoryTable.Columns.ToTier] = OptionValues.ToOption(changed.To),
                [TierHistoryTable.Columns.ChangedOn] = now.UtcDateTime,
                [TierHistoryTable.Columns.Trigger] = OptionValues.ToOption(trigger),
                [TierHistoryTable.Columns.ReasonCode] = ColumnText.Fit(changed.ReasonCode, TierHistoryTable.MaxLengths.ReasonCode),
                [TierHistoryTable.Columns.Reason] = ColumnText.Fit(changed.Reason, TierHistoryTable.MaxLengths.Reason),
            };

            // Owned like the contact (OwnerSnapshot.RowOwner): a SYSTEM-owned row would be invisible to the owner's property.
            if (rowOwner is not null)
            {
                history[TierHistoryTable.Columns.OwnerId] = rowOwner;
            }

            service.Create(history);
        }

        return assessment;
    }
}
