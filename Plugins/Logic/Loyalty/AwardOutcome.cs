using System;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>What an award did: the new entry (null when none), whether it had been applied before, the balance after.</summary>
public sealed class AwardOutcome
{
    public AwardOutcome(EarnResult result, Guid? entryId, int balance, TierAssessment? tier)
    {
        Result = result;
        EntryId = entryId;
        Balance = balance;
        Tier = tier;
    }

    public EarnResult Result { get; }

    /// <summary>The stored row of the new entry, or of the existing one when <see cref="AlreadyApplied"/> (when known).</summary>
    public Guid? EntryId { get; }

    public bool AlreadyApplied => Result.Outcome == EarnOutcome.AlreadyApplied;

    public int Balance { get; }

    /// <summary>The tier assessment made after the award (null when nothing was awarded).</summary>
    public TierAssessment? Tier { get; }
}
