using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Lifecycle;

/// <summary>
/// The daily lifecycle review behind <c>pcrm_RunLifecycleReview</c>: for each owner in scope builds
/// <see cref="OwnerFacts"/> for the review's China date, runs <see cref="LifecyclePolicy.Assess"/> against the status
/// stored on the contact, and writes the contact's lifecycle columns (stage, changed on, churn risk, churn risk since,
/// consecutive unpaid months) only when one of them differs. Every dated change is traced with its reason.
/// </summary>
/// <remarks>
/// <para><b>Scope.</b> Active contacts with a move-in date or at least one occupancy. One page = the next ids
/// (ascending, after the token) of the union of the two queries (each asked for a page, merged, cut to the page size);
/// both return the stored lifecycle columns, so the owner needs no read of its own.</para>
/// <para><b>Facts.</b> Move-in and move-out from the occupancies (<see cref="Residence.Derive"/>), the contact's move-in
/// date when there are none; the latest service request opened (<c>createdon</c>, reported by the owner) on or
/// before the review date; the fee standing for that date (<see cref="FeeStandingReader.Read"/>). Owners not
/// moved in yet, or whose data the rules refuse, are traced and skipped.</para>
/// <para><b>Idempotent.</b> A pure function of the data and the review date: a second run for the same date finds
/// every column equal and writes nothing. A run for a past date writes the status as of that date.</para>
/// <para><b>Owner lock before a write.</b> The page's contact row and the bills are read before the owner's turn; a fee
/// payment committing in between writes the unpaid months under the owner lock, and a write computed from the older
/// reads would undo it. An owner whose computed update is non-empty is therefore locked (<see cref="OwnerLock"/>), its
/// contact and bills read again and the update recomputed from them; only what still differs is written. Owners with
/// nothing to write are not locked and cost nothing extra.</para>
/// <para><b>Calls per page.</b> 2 + 1 + 1 + N + 2W reads, + 2W writes: the two scope queries, the page's occupancies
/// (one query per 5,000), the latest request per owner (one aggregate), the bills with payments of each of the N owners
/// handled; for each of the W owners with a change, the lock (1 write), the contact and the bills again (2 reads) and
/// the update (1 write), + 1 write at the first lock of an owner without a loyalty account yet (owners from before
/// accounts were created with the contact). The budget is checked before each owner and before each page, so a stopped
/// call reads no page it does not use.</para>
/// </remarks>
public static class LifecycleReviewSweep
{
    public const string TokenPrefix = "l";
    public const int DefaultPageSize = 100;

    /// <summary>Keeps the page's In lists short and its request aggregate under Dataverse's 50,000-row limit.</summary>
    public const int MaxPageSize = 500;

    private static readonly string[] ContactColumns = LifecycleMapping.StatusColumns.Concat(new[] { ContactTable.Columns.MoveInDate }).ToArray();

    public static LoyaltySweepResult Run(
        IOrganizationService service,
        LifecycleRules rules,
        DateTimeOffset asOf,
        int pageSize,
        OwnerSweepToken? token,
        ISweepBudget budget,
        Action<string> trace)
    {
        var policy = new LifecyclePolicy(rules);
        var day = ChinaDate.FromInstant(asOf);
        pageSize = Math.Max(1, Math.Min(pageSize, MaxPageSize));
        var occupancies = new Dictionary<Guid, List<OccupancySpan>>();
        var lastRequests = new Dictionary<Guid, ChinaDate>();

        // The budget is checked before a page is read too, so a spent budget never pays for a page (and its two fact
        // queries) it will not use; the price is a MoreRecords that may be true when the last page was exactly full
        // (the next call then finds nothing).
        return OwnerSweepLoop.Run(
            TokenPrefix,
            pageSize,
            token,
            budget,
            checkBudgetBeforePage: true,
            after =>
            {
                var owners = Page(service, pageSize, after);
                if (owners.Count > 0)
                {
                    var ids = owners.Select(o => o.Id).ToList();
                    occupancies = LifecycleFactsReader.Occupancies(service, ids);
                    lastRequests = LifecycleFactsReader.LastRequests(service, ids, day);
                }

                return owners;
            },
            owner => owner.Id,
            owner =>
            {
                var spans = occupancies.TryGetValue(owner.Id, out var found) ? found : new List<OccupancySpan>();
                ChinaDate? lastRequest = lastRequests.TryGetValue(owner.Id, out var last) ? last : null;
                return ReviewOwner(service, policy, owner, spans, lastRequest, asOf, trace);
            });
    }

    /// <summary>Reviews one owner (the contact row as the page read it); true when its columns were written.</summary>
    public static bool ReviewOwner(
        IOrganizationService service,
        LifecyclePolicy policy,
        Entity contact,
        IReadOnlyList<OccupancySpan> occupancies,
        ChinaDate? lastRequest,
        DateTimeOffset asOf,
        Action<string> trace)
    {
        var day = ChinaDate.FromInstant(asOf);
        try
        {
            var review = Review(service, policy, contact, occupancies, lastRequest, day);
            if (review is null)
            {
                trace($"Owner {contact.Id} skipped: no move-in date on the owner or their occupancies.");
                return false;
            }

            if (review.Update is null)
            {
                return false;
            }

            // The contact and the bills were read before this owner's turn; a fee payment committed since (it writes the
            // unpaid months under the owner lock) would be overwritten with values from before it. So, only for an owner
            // about to be written: take the owner lock, read the contact and the bills again and write what still differs.
            // Occupancies and requests are not re-read: this review is not their writer, so a stale one loses no write
            // and the next run corrects the stage.
            var locked = OwnerLock.LockAndRead(service, contact.Id, asOf.UtcDateTime, ContactColumns);
            review = Review(service, policy, locked, occupancies, lastRequest, day);
            if (review?.Update is not Entity update)
            {
                trace($"Owner {contact.Id}: changed by another writer since the page was read; nothing left to write.");
                return false;
            }

            foreach (var change in review.Assessment.Changes)
            {
                trace($"Owner {contact.Id}: {Describe(change)}");
            }

            service.Update(update);
            trace($"Owner {contact.Id}: {review.Assessment.Status.Stage} since {review.Assessment.Status.StageSince}, wrote {string.Join(", ", update.Attributes.Select(a => a.Key))}.");
            return true;
        }
        catch (DomainException ex)
        {
            // Not moved in yet, move-out before move-in, corrupt bills: nothing written for this owner (but the lock), the run goes on.
            trace($"Owner {contact.Id} skipped: {ex.Code} {ex.Message}");
            return false;
        }
    }

    /// <summary>The assessment of <paramref name="contact"/> and the update it needs (1 read: the bills); null when no move-in is known.</summary>
    private static OwnerReview? Review(
        IOrganizationService service,
        LifecyclePolicy policy,
        Entity contact,
        IReadOnlyList<OccupancySpan> occupancies,
        ChinaDate? lastRequest,
        ChinaDate day)
    {
        var recordedMoveIn = contact.GetAttributeValue<DateTime?>(ContactTable.Columns.MoveInDate) is DateTime moveInDate ? FeeMapping.ToDate(moveInDate) : (ChinaDate?)null;
        var residence = Residence.Derive(occupancies, recordedMoveIn, day);
        if (residence.MoveInOn is not ChinaDate moveIn)
        {
            return null;
        }

        var fees = FeeStandingReader.Read(service, contact.Id, day);
        var facts = new OwnerFacts(moveIn, fees)
        {
            MoveOutOn = residence.MoveOutOn,

            // Only the latest request's date matters to the lifecycle rules; IsRepair feeds care rules, not read here.
            ServiceRequests = lastRequest is ChinaDate opened ? new[] { new ServiceRequestFact(opened, false) } : Array.Empty<ServiceRequestFact>(),
        };

        // The stored columns do not say which flags are up; the fresh assessment says whether "no request" is up now.
        var fresh = policy.Assess(facts, null, day);
        var quietNow = fresh.Status.Flags.Any(f => f.Kind == ChurnRiskFlagKind.NoRecentServiceRequest);
        var previous = LifecycleMapping.ReadStatus(contact, policy.Rules, quietNow);
        var assessment = previous is null ? fresh : policy.Assess(facts, previous, day);
        return new OwnerReview(assessment, LifecycleMapping.Update(contact, assessment.Status, fees));
    }

    /// <summary>The next owners in scope (ids ascending, after <paramref name="after"/>), with their stored lifecycle columns.</summary>
    public static IReadOnlyList<Entity> Page(IOrganizationService service, int pageSize, Guid? after)
    {
        var recorded = Query(pageSize, after);
        recorded.Criteria.AddCondition(ContactTable.Columns.MoveInDate, ConditionOperator.NotNull);

        var occupying = Query(pageSize, after);
        occupying.AddLink(OccupancyTable.LogicalName, ContactTable.PrimaryId, OccupancyTable.Columns.Contact, JoinOperator.Any);

        var owners = new Dictionary<Guid, Entity>();
        foreach (var row in service.RetrieveMultiple(recorded).Entities.Concat(service.RetrieveMultiple(occupying).Entities))
        {
            owners[row.Id] = row;
        }

        return owners.Values.OrderBy(o => o.Id, SqlGuidOrder.Instance).Take(pageSize).ToList();
    }

    private static QueryExpression Query(int pageSize, Guid? after)
    {
        var query = new QueryExpression(ContactTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ContactColumns),
            TopCount = pageSize,
        };
        query.Criteria.AddCondition(ContactTable.Columns.StateCode, ConditionOperator.Equal, 0);
        if (after.HasValue)
        {
            query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.GreaterThan, after.Value);
        }

        query.AddOrder(ContactTable.PrimaryId, OrderType.Ascending);
        return query;
    }

    private static string Describe(LifecycleChange change) => change.Kind switch
    {
        LifecycleChangeKind.StageChanged => $"stage {change.FromStage?.ToString() ?? "(none)"} → {change.ToStage} on {change.On} ({change.ReasonCode}) {change.Reason}",
        _ => $"flag {change.Flag} {(change.Kind == LifecycleChangeKind.FlagRaised ? "raised" : "cleared")} on {change.On} ({change.ReasonCode}) {change.Reason}",
    };

    private sealed record OwnerReview(LifecycleAssessment Assessment, Entity? Update);
}
