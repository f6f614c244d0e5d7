using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>The owner's loyalty columns as read under the owner lock (<see cref="OwnerLock"/>).</summary>
public sealed class OwnerSnapshot
{
    public OwnerSnapshot(Guid id, OwnerTier tier, int balance)
    {
        Id = id;
        Tier = tier;
        Balance = balance;
    }

    public Guid Id { get; }

    public OwnerTier Tier { get; }

    public int Balance { get; }

    /// <summary>When the tier last changed (null when never, or when the snapshot was handed over without it).</summary>
    public DateTime? TierChangedOnUtc { get; init; }

    /// <summary>
    /// The owner contact's own owner (user or team). Ledger, tier history and account rows are written by SYSTEM, which
    /// would own them in the root business unit, out of reach of every business-unit or deep read; giving them the
    /// contact's owner puts them in the owner's business unit, so whoever may read the owner may read them.
    /// </summary>
    public EntityReference? RowOwner { get; init; }

    /// <summary>The fee standing stored on the contact, so a recomputation writes only the columns that changed (null: unknown, write all).</summary>
    public StoredStanding? Standing { get; init; }
}

/// <summary>The contact's stored fee standing columns.</summary>
public sealed class StoredStanding
{
    public StoredStanding(decimal? paidLast12Months, decimal? onTimeRatio, int? consecutiveUnpaidMonths)
    {
        PaidLast12Months = paidLast12Months;
        OnTimeRatio = onTimeRatio;
        ConsecutiveUnpaidMonths = consecutiveUnpaidMonths;
    }

    public decimal? PaidLast12Months { get; }

    public decimal? OnTimeRatio { get; }

    public int? ConsecutiveUnpaidMonths { get; }
}
