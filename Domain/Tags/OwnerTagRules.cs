namespace PropertyCrm.Domain.Tags;

/// <summary>
/// The thresholds of the rule tags (README "Owner tags and household members" names each one's source). Immutable; the
/// defaults apply until the rules become admin-configurable.
/// </summary>
public sealed record OwnerTagRules
{
    public static OwnerTagRules Default { get; } = new();

    /// <summary>老人家庭: age from which a person is elderly (DOMAIN.md: 满六十大寿; the 老年 band is 60+).</summary>
    public int ElderlyAge { get; init; } = 60;

    /// <summary>有婴幼儿: a child is an infant below this age (婴幼儿 0–3: under 4).</summary>
    public int InfantBelowAge { get; init; } = 4;

    /// <summary>高价值: on-time ratio at least this (the care rule 按时缴费: CareRules.OnTimeRatioAtLeast, 0.9).</summary>
    public decimal HighValueOnTimeRatioAtLeast { get; init; } = 0.9m;

    /// <summary>高价值: at least this many event check-ins in <see cref="EngagementWindowDays"/> (DOMAIN.md: takes part in community activities).</summary>
    public int HighValueCheckInsAtLeast { get; init; } = 1;

    /// <summary>活跃参与者: at least this many event check-ins in <see cref="EngagementWindowDays"/>.</summary>
    public int ActiveCheckInsAtLeast { get; init; } = 3;

    /// <summary>意见领袖: at least this many adopted suggestions in <see cref="EngagementWindowDays"/>.</summary>
    public int OpinionLeaderAdoptedAtLeast { get; init; } = 2;

    /// <summary>The window of event check-ins and adopted suggestions: a year.</summary>
    public int EngagementWindowDays { get; init; } = 365;

    /// <summary>投诉敏感: at least this many complaints in <see cref="ComplaintWindowDays"/>.</summary>
    public int ComplaintsAtLeast { get; init; } = 2;

    /// <summary>The complaint window (the care rules' request window, 180 days).</summary>
    public int ComplaintWindowDays { get; init; } = 180;

    /// <summary>沉睡: no request, check-in or suggestion for this many days (DOMAIN.md: 半年内无报事记录), and resident that long.</summary>
    public int DormantAfterDays { get; init; } = 180;

    /// <summary>The longest look-back of any rule: the planner reads request, event and suggestion facts this far back.</summary>
    public int LongestWindowDays => System.Math.Max(EngagementWindowDays, System.Math.Max(ComplaintWindowDays, DormantAfterDays));

    /// <summary>Refuses nonsensical thresholds (bilingual).</summary>
    public OwnerTagRules Validate()
    {
        if (ElderlyAge < 1 || InfantBelowAge < 1 || HighValueOnTimeRatioAtLeast < 0m || HighValueOnTimeRatioAtLeast > 1m
            || HighValueCheckInsAtLeast < 0 || ActiveCheckInsAtLeast < 1 || OpinionLeaderAdoptedAtLeast < 1 || EngagementWindowDays < 1
            || ComplaintsAtLeast < 1 || ComplaintWindowDays < 1 || DormantAfterDays < 1)
        {
            throw new DomainException(
                OwnerTagErrorCodes.InvalidRules,
                "业主标签规则的阈值无效(年龄、次数与天数须为正数,准时率在 0–1 之间) / The owner tag thresholds are invalid (ages, counts and days must be positive, the on-time ratio between 0 and 1).");
        }

        return this;
    }
}
