using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Posts a Reversal entry in the caller's transaction: lock the owner's loyalty account, read the ledger under the lock,
/// <see cref="PointsEngine.Reverse"/>, append the reversal, write the balance. Used by <c>pcrm_ReversePointsEntry</c>,
/// its workflow activity and redemption cancellation. The owner's tier is not recalculated: tiers come down only at
/// the periodic review.
/// </summary>
/// <remarks>
/// Calls of <c>Post</c>: reads 2 (owner, ledger per 5,000 entries), writes 1 (owner lock) + 1 reversal + 1
/// balance when it changes. An entry already reversed returns that reversal and writes nothing after the lock.
/// <see cref="ReverseEntry"/> adds one read (the entry row) before the lock.
/// </remarks>
public static class ReversalLogic
{
    /// <summary>The reason recorded when a redemption is cancelled.</summary>
    public const string CancellationReason = "兑换已取消 / Redemption cancelled";

    private static readonly PointsEngine Engine = new(PointsRules.Default);

    /// <summary>
    /// Reverses one Earn or Expire entry for staff. Refused (bilingual, nothing written) for a blank reason (no calls),
    /// an unknown entry, a Redeem entry (cancel the redemption instead) and a reversal.
    /// </summary>
    public static ReversalOutcome ReverseEntry(IOrganizationService service, EntityReference? entry, string? reason, DateTimeOffset now, Action<string> trace)
    {
        var why = StaffReversal.RequireReason(reason);
        if (entry is null || entry.Id == Guid.Empty || !string.Equals(entry.LogicalName, PointsEntryTable.LogicalName, StringComparison.Ordinal))
        {
            throw UnknownEntry(entry?.Id ?? Guid.Empty);
        }

        var row = ReadEntry(service, entry.Id) ?? throw UnknownEntry(entry.Id);
        var kind = OptionValues.Read<LedgerEntryKind>(row, PointsEntryTable.Columns.Kind);
        if (kind is LedgerEntryKind known)
        {
            StaffReversal.CheckKind(known);
        }

        var owner = row.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact) ?? throw UnknownEntry(entry.Id);
        var key = row.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey) ?? throw UnknownEntry(entry.Id);
        return Post(service, owner.Id, key, why, now, trace);
    }

    /// <summary>Locks the owner, then reverses the entry with this idempotency key (see the class remarks for calls).</summary>
    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.UnknownEntry"/> when the owner's ledger lacks the key,
    /// <see cref="LoyaltyErrorCodes.ReversalOfReversal"/>.</exception>
    public static ReversalOutcome Post(IOrganizationService service, Guid ownerId, string entryKey, string reason, DateTimeOffset now, Action<string> trace) =>
        Post(service, OwnerLock.Lock(service, ownerId, now.UtcDateTime), entryKey, reason, now, trace);

    /// <summary>Reverses the entry with this idempotency key for an owner the caller has already locked in this transaction
    /// (<see cref="OwnerLock.Lock"/>): the class remarks' calls without the lock's write and read.</summary>
    public static ReversalOutcome Post(IOrganizationService service, OwnerSnapshot owner, string entryKey, string reason, DateTimeOffset now, Action<string> trace)
    {
        var ownerId = owner.Id;
        var rowIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var ledger = LedgerStore.Read(service, ownerId, rowIds);
        var result = Engine.Reverse(ledger, entryKey, reason, now);

        if (result.AlreadyApplied)
        {
            // Heals a drifted balance only; normally the stored balance already equals the ledger and nothing is written.
            OwnerLock.WriteBalance(service, owner, ledger.Balance);
            trace($"{entryKey} was already reversed by {result.Reversal.Key}; nothing posted.");
            return new ReversalOutcome(rowIds[result.Reversal.Key], true, result.Reversal.Points, ledger.Balance);
        }

        var id = LedgerStore.Append(service, ownerId, new[] { result.Reversal }, rowOwner: owner.RowOwner)[0];
        var balance = ledger.Balance + result.Reversal.Points;
        OwnerLock.WriteBalance(service, owner, balance);
        trace($"Reversed {entryKey}: {result.Reversal.Points} points; balance {balance}.");
        return new ReversalOutcome(id, false, result.Reversal.Points, balance);
    }

    private static Entity? ReadEntry(IOrganizationService service, Guid entryId)
    {
        // A query rather than Retrieve, so an unknown id is a clear refusal instead of a platform fault.
        var query = new QueryExpression(PointsEntryTable.LogicalName)
        {
            ColumnSet = new ColumnSet(PointsEntryTable.Columns.Contact, PointsEntryTable.Columns.IdempotencyKey, PointsEntryTable.Columns.Kind),
            TopCount = 1,
        };
        query.Criteria.AddCondition(PointsEntryTable.PrimaryId, ConditionOperator.Equal, entryId);
        var rows = service.RetrieveMultiple(query).Entities;
        return rows.Count == 0 ? null : rows[0];
    }

    private static DomainException UnknownEntry(Guid id) =>
        new(LoyaltyErrorCodes.UnknownEntry, $"积分流水 {id} 不存在 / There is no ledger entry {id}.");
}

/// <summary>What a reversal did: the reversal row (new or the existing one), whether it already existed, its points, the balance after.</summary>
public sealed class ReversalOutcome
{
    public ReversalOutcome(Guid reversalEntryId, bool alreadyApplied, int pointsChange, int balance)
    {
        ReversalEntryId = reversalEntryId;
        AlreadyApplied = alreadyApplied;
        PointsChange = pointsChange;
        Balance = balance;
    }

    public Guid ReversalEntryId { get; }

    public bool AlreadyApplied { get; }

    /// <summary>The reversal's signed change to the balance (0 when nothing of the entry was left to undo).</summary>
    public int PointsChange { get; }

    public int Balance { get; }
}
