namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>The four things that can happen to a points balance. Entries are never edited or deleted.</summary>
public enum LedgerEntryKind
{
    /// <summary>Points awarded; opens a lot that expires as a unit.</summary>
    Earn = 1,

    /// <summary>Points spent on a reward, taken from the oldest lots first.</summary>
    Redeem = 2,

    /// <summary>What was left of one lot at its expiry.</summary>
    Expire = 3,

    /// <summary>A correction that undoes another entry; the only way to fix a mistake.</summary>
    Reversal = 4,
}
