using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// One planned act of care and the occasion it belongs to: owner + kind + occasion identify it, so a daily planner
/// creates its task once however often it runs (the birthday, the move-in day, the month of a care-rule action, the
/// day a churn-risk episode began).
/// </summary>
public sealed record CareOccasion(SuggestedAction Action, ChinaDate OccasionOn)
{
    /// <summary>The occasion's key for <paramref name="ownerKey"/> (the owner's id as text): "owner|kind|yyyyMMdd".</summary>
    public string Key(string ownerKey) =>
        $"{ownerKey}|{(int)Action.Kind}|{OccasionOn.Year:0000}{OccasionOn.Month:00}{OccasionOn.Day:00}";
}
