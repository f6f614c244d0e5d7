using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Collection;

/// <summary>A rung due for a bill, and the day it became due.</summary>
public sealed record CollectionStep(string BillId, CollectionRung Rung, ChinaDate DueSince)
{
    /// <summary>The step's idempotency key, "bill|rung": each rung once per bill however often the ladder runs.</summary>
    public string Key => $"{BillId}|{(int)Rung}";
}
