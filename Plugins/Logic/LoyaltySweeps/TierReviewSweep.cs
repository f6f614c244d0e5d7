using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The periodic tier review behind <c>pcrm_RunTierReview</c>: for each owner in scope runs
/// <c>OwnerLoyaltyLogic.Recalculate</c> with <see cref="TierTrigger.PeriodicReview"/> at the review instant (which locks the owner's loyalty account first),
/// so the domain (<see cref="TierPolicy"/>) upgrades to the qualification and downgrades at most one level; the
/// contact's tier columns and a <c>pcrm_tierhistory</c> row are written as for any other tier change.
/// </summary>
/// <remarks>
/// <para><b>Scope.</b> Owners who can change at a review: contacts above Standard (a downgrade is possible) and
/// contacts with a fee bill due in the last <see cref="OwnerLoyaltyLogic.BillMonths"/> months (an upgrade by fees is
/// possible). A Standard owner with no bills who qualifies by activity points alone is upgraded when the points are
/// awarded (trigger Event), not here. One page = the next ids (ascending, after the token) of the union of the two
/// queries (each asked for a page, merged, cut to the page size).</para>
/// <para><b>Idempotent per review day.</b> Both queries leave out owners whose <c>pcrm_tierchangedon</c> falls on or
/// after the start of the review's China day: a review that changed an owner stamps that instant, so a second run for
/// the same day (retry, overlap, a second flow) does not take them a further level down; an owner already changed by
/// an event that day qualifies for their tier and would not be downgraded anyway. The same test is made again under
/// the owner lock, because two runs at once can both read an owner in their page: the second waits on the lock, then
/// finds the first one's stamp and skips. Unchanged owners are re-assessed and again not changed (the domain decides;
/// no history row).</para>
/// <para><b>Calls.</b> 2 queries per page; per owner (<c>OwnerLoyaltyLogic.Recalculate</c>): 3 reads (contact under
/// the owner lock, ledger, bills with payments) + 2 writes (lock, contact), + 1 create (history) on a change. Cold
/// configuration: +2 reads per call.</para>
/// </remarks>
public static class TierReviewSweep
{
    public const string TokenPrefix = "t";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 5000;

    public static LoyaltySweepResult Run(
        IOrganizationService service,
        LoyaltyConfiguration config,
        DateTimeOffset asOf,
        int pageSize,
        OwnerSweepToken? token,
        ISweepBudget budget,
        Action<string> trace)
    {
        pageSize = Math.Max(1, Math.Min(pageSize, MaxPageSize));
        return OwnerSweepLoop.Run(
            TokenPrefix,
            pageSize,
            token,
            budget,
            checkBudgetBeforePage: false,
            after => Page(service, asOf, pageSize, after),
            owner => owner,
            owner => ReviewOwner(service, config, owner, asOf, trace));
    }

    /// <summary>Reviews one owner at <paramref name="asOf"/>; true when the tier changed.</summary>
    public static bool ReviewOwner(IOrganizationService service, LoyaltyConfiguration config, Guid ownerId, DateTimeOffset asOf, Action<string> trace)
    {
        try
        {
            // The page query left out owners changed on the review day, but another run (a retry, an overlapping flow)
            // may have changed this one since: checked again under the lock, so nobody drops two levels in one day.
            // Re-read under the lock (OwnerLock reads after its write): reads never wait, so the page's view of the stamp may
            // be older than a run that committed while this one waited for the lock.
            var owner = OwnerLock.Lock(service, ownerId, asOf.UtcDateTime);
            var dayStart = ChinaDate.FromInstant(asOf).StartInstant.UtcDateTime;
            if (owner.TierChangedOnUtc is DateTime changedOn && DataverseTime.ToUtc(changedOn) >= dayStart)
            {
                trace($"Owner {ownerId}: tier already changed on the review day ({changedOn:o}); skipped.");
                return false;
            }

            var assessment = OwnerLoyaltyLogic.Recalculate(service, config, owner, asOf.UtcDateTime, TierTrigger.PeriodicReview, trace);
            if (assessment.Change is TierChange change)
            {
                trace($"Owner {ownerId}: {change.From} → {change.To} ({change.ReasonCode}).");
                return true;
            }

            return false;
        }
        catch (DomainException ex)
        {
            // A corrupt ledger or bill is reported and skipped: nothing has been written but the lock.
            trace($"Owner {ownerId} skipped: {ex.Code} {ex.Message}");
            return false;
        }
    }

    /// <summary>The next owners in scope (ids ascending, after <paramref name="after"/>) not yet changed on the review day.</summary>
    public static IReadOnlyList<Guid> Page(IOrganizationService service, DateTimeOffset asOf, int pageSize, Guid? after)
    {
        var reviewDay = ChinaDate.FromInstant(asOf);
        var dayStart = reviewDay.StartInstant.UtcDateTime;

        var tiered = Query(pageSize, after, dayStart);
        tiered.Criteria.AddCondition(ContactTable.Columns.Tier, ConditionOperator.NotNull);
        tiered.Criteria.AddCondition(ContactTable.Columns.Tier, ConditionOperator.NotEqual, OptionValues.ToOption(OwnerTier.Standard).Value);

        var billed = Query(pageSize, after, dayStart);
        var bills = billed.AddLink(FeeBillTable.LogicalName, ContactTable.PrimaryId, FeeBillTable.Columns.Contact, JoinOperator.Any);
        var from = reviewDay.AddMonths(-OwnerLoyaltyLogic.BillMonths);
        bills.LinkCriteria.AddCondition(FeeBillTable.Columns.DueOn, ConditionOperator.OnOrAfter, new DateTime(from.Year, from.Month, from.Day, 0, 0, 0, DateTimeKind.Utc));

        return service.RetrieveMultiple(tiered).Entities.Select(e => e.Id)
            .Union(service.RetrieveMultiple(billed).Entities.Select(e => e.Id))
            .OrderBy(id => id, SqlGuidOrder.Instance)
            .Take(pageSize)
            .ToList();
    }

    private static QueryExpression Query(int pageSize, Guid? after, DateTime dayStartUtc)
    {
        var query = new QueryExpression(ContactTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ContactTable.PrimaryId),
            TopCount = pageSize,
        };
        if (after.HasValue)
        {
            query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.GreaterThan, after.Value);
        }

        var notToday = new FilterExpression(LogicalOperator.Or);
        notToday.AddCondition(ContactTable.Columns.TierChangedOn, ConditionOperator.Null);
        notToday.AddCondition(ContactTable.Columns.TierChangedOn, ConditionOperator.LessThan, dayStartUtc);
        query.Criteria.AddFilter(notToday);
        query.AddOrder(ContactTable.PrimaryId, OrderType.Ascending);
        return query;
    }
}
