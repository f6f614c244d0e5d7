using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Reads and appends an owner's points ledger (<c>pcrm_pointsentry</c> rows of one contact).
/// </summary>
/// <remarks>
/// <para><b>How to use it</b> (award step, Custom APIs, redemption, sweeps) — with a service of depth ≥ 2 (a plug-in's
/// service; <c>LedgerGuardPlugin</c> refuses entries created at depth 1):
/// <code>
/// var ledger = LedgerStore.Read(service, contactId);                       // 1 read per 5,000 entries
/// var result = engine.Earn(ledger, loyaltyEvent, tier, now);               // or Redeem / Reverse / SweepExpired
/// if (result.Entry is PointsLedgerEntry entry)
/// {
///     var ids = LedgerStore.Append(service, contactId, new[] { entry });    // 1 Create per entry
///     var contact = LedgerStore.BalanceUpdate(contactId, ledger.Append(new[] { entry })); // pcrm_pointsbalance = ledger sum
///     service.Update(contact);                                              // add tier columns to the same write
/// }
/// </code>
/// Redemption entries link their reward: pass the reward row to <see cref="Append"/>; reading returns its
/// <c>pcrm_code</c> as <see cref="PointsLedgerEntry.RewardCode"/> (outer join, same read).</para>
/// <para><b>Concurrency.</b> The stored idempotency key has an alternate key (<c>pcrm_pointsentry_idempotencykey</c>), so
/// the same award can never be stored twice even by racing requests (the second create faults and rolls back). Two
/// different entries racing for one owner could take the same sequence number; callers that can race (redemption)
/// should write the owner's contact row first to take its lock, then read the ledger.</para>
/// <para>Columns read: <see cref="Columns"/> only, ordered by sequence, paged by 5,000.</para>
/// </remarks>
public static class LedgerStore
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 5000;

    private const string RewardAlias = "reward";

    /// <summary>The columns <see cref="Read"/> asks for.</summary>
    public static readonly string[] Columns =
    {
        PointsEntryTable.Columns.IdempotencyKey,
        PointsEntryTable.Columns.Sequence,
        PointsEntryTable.Columns.Kind,
        PointsEntryTable.Columns.Points,
        PointsEntryTable.Columns.OccurredOn,
        PointsEntryTable.Columns.Rule,
        PointsEntryTable.Columns.SourceId,
        PointsEntryTable.Columns.ExpiresOn,
        PointsEntryTable.Columns.LotKey,
        PointsEntryTable.Columns.ReversesKey,
        PointsEntryTable.Columns.Quantity,
        PointsEntryTable.Columns.Description,
    };

    /// <summary>The owner's whole ledger: one read per 5,000 entries (an empty ledger costs one read).</summary>
    /// <exception cref="Domain.DomainException">When stored rows do not replay (<see cref="LoyaltyErrorCodes.LedgerCorrupt"/>).</exception>
    /// <param name="rowIdsByKey">When given, filled with the row id of each entry by idempotency key.</param>
    public static PointsLedger Read(IOrganizationService service, Guid contactId, IDictionary<string, Guid>? rowIdsByKey = null)
    {
        Guard.NotNull(service, nameof(service));

        var query = new QueryExpression(PointsEntryTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns),
        };
        query.Criteria.AddCondition(PointsEntryTable.Columns.Contact, ConditionOperator.Equal, contactId);
        query.AddOrder(PointsEntryTable.Columns.Sequence, OrderType.Ascending);
        var reward = query.AddLink(RewardTable.LogicalName, PointsEntryTable.Columns.Reward, RewardTable.PrimaryId, JoinOperator.LeftOuter);
        reward.EntityAlias = RewardAlias;
        reward.Columns = new ColumnSet(RewardTable.Columns.Code);

        var entries = new List<PointsLedgerEntry>();
        foreach (var row in service.RetrieveAll(query, PageSize))
        {
            var entry = ToEntry(row);
            entries.Add(entry);
            if (rowIdsByKey is not null)
            {
                rowIdsByKey[entry.Key] = row.Id;
            }
        }

        return PointsLedger.From(entries);
    }

    /// <summary>Creates one row per entry, in order; returns their ids. <paramref name="reward"/> is linked to Redeem entries;
    /// <paramref name="rowOwner"/> (the contact's owner, <see cref="OwnerSnapshot.RowOwner"/>) owns the rows, else SYSTEM does.</summary>
    public static IReadOnlyList<Guid> Append(
        IOrganizationService service,
        Guid contactId,
        IEnumerable<PointsLedgerEntry> entries,
        EntityReference? reward = null,
        EntityReference? rowOwner = null)
    {
        Guard.NotNull(service, nameof(service));
        Guard.NotNull(entries, nameof(entries));

        var ids = new List<Guid>();
        foreach (var entry in entries)
        {
            var row = ToRow(contactId, entry, entry.Kind == LedgerEntryKind.Redeem ? reward : null);
            if (rowOwner is not null)
            {
                row[PointsEntryTable.Columns.OwnerId] = rowOwner;
            }

            ids.Add(service.Create(row));
        }

        return ids;
    }

    /// <summary>A contact update setting <c>pcrm_pointsbalance</c> to the ledger's sum; add other columns before sending it.</summary>
    public static Entity BalanceUpdate(Guid contactId, PointsLedger ledger)
    {
        Guard.NotNull(ledger, nameof(ledger));

        return new Entity(ContactTable.LogicalName, contactId)
        {
            [ContactTable.Columns.PointsBalance] = ledger.Balance,
        };
    }

    /// <summary>The row an entry is stored as (public for tests and tools).</summary>
    public static Entity ToRow(Guid contactId, PointsLedgerEntry entry, EntityReference? reward = null)
    {
        Guard.NotNull(entry, nameof(entry));

        var row = new Entity(PointsEntryTable.LogicalName)
        {
            [PointsEntryTable.Columns.Name] = ColumnText.Fit(entry.Key, PointsEntryTable.MaxLengths.Name),
            [PointsEntryTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contactId),
            [PointsEntryTable.Columns.IdempotencyKey] = Key(entry.Key, PointsEntryTable.MaxLengths.IdempotencyKey),
            [PointsEntryTable.Columns.Sequence] = checked((int)entry.Sequence),
            [PointsEntryTable.Columns.Kind] = OptionValues.ToOption(entry.Kind),
            [PointsEntryTable.Columns.Points] = entry.Points,
            [PointsEntryTable.Columns.OccurredOn] = entry.OccurredAt.UtcDateTime,
            [PointsEntryTable.Columns.Description] = ColumnText.Fit(entry.Description, PointsEntryTable.MaxLengths.Description),
        };
        if (entry.Rule is EarnRuleCode rule)
        {
            row[PointsEntryTable.Columns.Rule] = OptionValues.ToOption(rule);
        }

        if (entry.SourceId is not null)
        {
            row[PointsEntryTable.Columns.SourceId] = Key(entry.SourceId, PointsEntryTable.MaxLengths.SourceId);
        }

        if (entry.ExpiresOn is ChinaDate expires)
        {
            row[PointsEntryTable.Columns.ExpiresOn] = new DateTime(expires.Year, expires.Month, expires.Day, 0, 0, 0, DateTimeKind.Utc);
        }

        if (entry.LotKey is not null)
        {
            row[PointsEntryTable.Columns.LotKey] = Key(entry.LotKey, PointsEntryTable.MaxLengths.LotKey);
        }

        if (entry.ReversesKey is not null)
        {
            row[PointsEntryTable.Columns.ReversesKey] = Key(entry.ReversesKey, PointsEntryTable.MaxLengths.ReversesKey);
        }

        if (entry.Quantity is int quantity)
        {
            row[PointsEntryTable.Columns.Quantity] = quantity;
        }

        if (reward is not null)
        {
            row[PointsEntryTable.Columns.Reward] = reward;
        }

        return row;
    }

    /// <summary>The entry a stored row holds (public for tests and tools).</summary>
    public static PointsLedgerEntry ToEntry(Entity row)
    {
        Guard.NotNull(row, nameof(row));

        var key = row.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey);
        long sequence = row.GetAttributeValue<int?>(PointsEntryTable.Columns.Sequence) ?? 0;
        var points = row.GetAttributeValue<int?>(PointsEntryTable.Columns.Points) ?? 0;
        var occurred = DataverseTime.ToInstant(row.GetAttributeValue<DateTime>(PointsEntryTable.Columns.OccurredOn));
        var description = row.GetAttributeValue<string>(PointsEntryTable.Columns.Description) ?? string.Empty;
        var source = row.GetAttributeValue<string>(PointsEntryTable.Columns.SourceId);
        var kind = OptionValues.Read<LedgerEntryKind>(row, PointsEntryTable.Columns.Kind);
        switch (kind)
        {
            case LedgerEntryKind.Earn:
                var rule = OptionValues.Read<EarnRuleCode>(row, PointsEntryTable.Columns.Rule) ?? throw Corrupt(row, "rule");
                var expires = row.GetAttributeValue<DateTime?>(PointsEntryTable.Columns.ExpiresOn) ?? throw Corrupt(row, "expiry");
                return PointsLedgerEntry.Earn(key, sequence, rule, source!, points, occurred, new ChinaDate(expires.Year, expires.Month, expires.Day), description);
            case LedgerEntryKind.Redeem:
                var code = row.GetAttributeValue<AliasedValue>(RewardAlias + "." + RewardTable.Columns.Code)?.Value as string;
                return PointsLedgerEntry.Redeem(key, sequence, source!, code!, row.GetAttributeValue<int?>(PointsEntryTable.Columns.Quantity) ?? 0, points, occurred, description);
            case LedgerEntryKind.Expire:
                return PointsLedgerEntry.Expire(key, sequence, row.GetAttributeValue<string>(PointsEntryTable.Columns.LotKey), points, occurred, description);
            case LedgerEntryKind.Reversal:
                return PointsLedgerEntry.Reversal(key, sequence, row.GetAttributeValue<string>(PointsEntryTable.Columns.ReversesKey), points, occurred, description);
            default:
                throw Corrupt(row, "kind");
        }
    }

    private static Domain.DomainException Corrupt(Entity row, string what) =>
        new(LoyaltyErrorCodes.LedgerCorrupt, string.Format(CultureInfo.InvariantCulture, "积分流水 {0} 缺少{1} / Ledger entry {0} has no {1}.", row.Id, what));

    // Keys and source ids are identities: cut, two could collide, so one that does not fit is refused (the API inputs
    // they come from are bounded so that it cannot happen).
    private static string? Key(string? value, int maxLength) => TextLimits.RequireAtMost(value, maxLength, "积分流水键 Ledger key");
}
