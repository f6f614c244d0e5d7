namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// The answer to "does this event earn points?". <see cref="Entry"/> is the new entry to append when
/// <see cref="Outcome"/> is <see cref="EarnOutcome.Awarded"/>, the earlier entry when it is
/// <see cref="EarnOutcome.AlreadyApplied"/>, and null otherwise.
/// </summary>
public sealed record EarnResult(EarnOutcome Outcome, PointsLedgerEntry? Entry, int Points, string ReasonCode, string Reason)
{
    /// <summary>Whether the caller has something to store.</summary>
    public bool HasNewEntry => Outcome == EarnOutcome.Awarded;
}
