using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The points expiry sweep behind <c>pcrm_RunPointsExpiry</c>: finds owners holding an Earn lot whose last usable
/// China date is before the as-of date and that no Expire entry closes yet, and for each (owner's loyalty account locked first,
/// ledger read fresh) appends <see cref="PointsEngine.SweepExpired(PointsLedger, DateTimeOffset)"/>'s Expire entries
/// and the new balance.
/// </summary>
/// <remarks>
/// <para><b>Query.</b> One page = distinct contacts (ordered by contactid, after the token) inner-joined to
/// pcrm_pointsentry (owner = contact, kind Earn, expires-on before the as-of date) and, nested, an anti-join to
/// Expire entries whose lot key is that entry's idempotency key. Once an owner is swept their lots drop out, so the
/// work grows with owners holding expiring lots, not with all owners. A lot fully spent before it expired has no
/// Expire entry and keeps matching: such owners cost one ledger read and no write per run.</para>
/// <para><b>Calls.</b> 1 query per page; per owner: 1 read + 1 write (lock), 1 ledger read, 1 create per expired lot,
/// 1 balance write.</para>
/// <para><b>Idempotent, also concurrently.</b> Expire keys are derived from the lot (<see cref="LedgerKeys.Expire"/>),
/// stored under the (owner, key) alternate key; a second sweep on the same owner waits at the owner lock, then reads
/// the Expire entries the first one committed and has nothing left to do.</para>
/// </remarks>
public static class PointsExpirySweep
{
    public const string TokenPrefix = "x";
    public const int DefaultPageSize = 200;
    public const int MaxPageSize = 5000;
    private const string EarnAlias = "earn";
    private const string ExpireAlias = "expire";
    private static readonly PointsEngine Engine = new(PointsRules.Default);

    public static LoyaltySweepResult Run(
        IOrganizationService service,
        DateTimeOffset asOf,
        int pageSize,
        OwnerSweepToken? token,
        ISweepBudget budget,
        Action<string> trace)
    {
        pageSize = Math.Max(1, Math.Min(pageSize, MaxPageSize));
        var asOfDate = ChinaDate.FromInstant(asOf);
        var expired = 0;
        var result = OwnerSweepLoop.Run(
            TokenPrefix,
            pageSize,
            token,
            budget,
            checkBudgetBeforePage: false,
            after => Page(service, asOfDate, pageSize, after),
            owner => owner,
            owner =>
            {
                var points = ExpireOwner(service, owner, asOf, trace);
                expired += points;
                return points > 0;
            });
        return result.WithPoints(expired);
    }

    /// <summary>Expires one owner's lots past expiry at <paramref name="asOf"/>; returns the points expired.</summary>
    public static int ExpireOwner(IOrganizationService service, Guid ownerId, DateTimeOffset asOf, Action<string> trace)
    {
        var owner = OwnerLock.Lock(service, ownerId, asOf.UtcDateTime);
        PointsLedger ledger;
        try
        {
            ledger = LedgerStore.Read(service, ownerId);
        }
        catch (DomainException ex)
        {
            // A corrupt ledger is reported and skipped: nothing has been written but the lock.
            trace($"Owner {ownerId} skipped: {ex.Code} {ex.Message}");
            return 0;
        }

        var sweep = Engine.SweepExpired(ledger, asOf);
        if (sweep.Entries.Count == 0)
        {
            OwnerLock.WriteBalance(service, owner, ledger.Balance);
            return 0;
        }

        // Owned like the contact (OwnerSnapshot.RowOwner), as every ledger row: SYSTEM-owned entries would be invisible to the property.
        LedgerStore.Append(service, ownerId, sweep.Entries, rowOwner: owner.RowOwner);
        OwnerLock.WriteBalance(service, owner, ledger.Append(sweep.Entries).Balance);
        trace($"Owner {ownerId}: {sweep.ExpiredPoints} point(s) in {sweep.ExpiredLots.Count} lot(s) expired.");
        return sweep.ExpiredPoints;
    }

    /// <summary>The next owners (ids ascending, after <paramref name="after"/>) holding a lot past expiry that no Expire entry closes.</summary>
    public static IReadOnlyList<Guid> Page(IOrganizationService service, ChinaDate asOfDate, int pageSize, Guid? after)
    {
        var query = new QueryExpression(ContactTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ContactTable.PrimaryId),
            TopCount = pageSize,
            Distinct = true,
        };
        if (after.HasValue)
        {
            query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.GreaterThan, after.Value);
        }

        query.AddOrder(ContactTable.PrimaryId, OrderType.Ascending);
        var earn = query.AddLink(PointsEntryTable.LogicalName, ContactTable.PrimaryId, PointsEntryTable.Columns.Contact, JoinOperator.Inner);
        earn.EntityAlias = EarnAlias;
        earn.LinkCriteria.AddCondition(PointsEntryTable.Columns.Kind, ConditionOperator.Equal, OptionValues.ToOption(LedgerEntryKind.Earn).Value);
        earn.LinkCriteria.AddCondition(
            PointsEntryTable.Columns.ExpiresOn,
            ConditionOperator.LessThan,
            new DateTime(asOfDate.Year, asOfDate.Month, asOfDate.Day, 0, 0, 0, DateTimeKind.Utc));
        var closed = earn.AddLink(PointsEntryTable.LogicalName, PointsEntryTable.Columns.IdempotencyKey, PointsEntryTable.Columns.LotKey, JoinOperator.NotAny);
        closed.EntityAlias = ExpireAlias;
        closed.LinkCriteria.AddCondition(PointsEntryTable.Columns.Kind, ConditionOperator.Equal, OptionValues.ToOption(LedgerEntryKind.Expire).Value);

        return service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
    }
}
