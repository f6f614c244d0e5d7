using System;
using System.Collections.Generic;
using System.Globalization;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.ServiceRequests.FollowUps;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>The line a finished 回访 adds to its request's follow-up notes, in Beijing time, e.g.
/// "[回访 2026-03-02 10:00] 未解决 Not fixed · 满意度 2/5 · NPS 3 · 水管仍漏水".</summary>
public static class FollowUpNote
{
    public static string Line(FollowUpRecord record, string? comment)
    {
        var at = (record.CompletedOn ?? DateTimeOffset.MinValue).ToOffset(ChinaDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var parts = new List<string>
        {
            record.Status == FollowUpStatus.Unreachable
                ? $"无法联系 Unreachable ({record.Attempts} 次 attempts)"
                : record.Answers.Verification switch
                {
                    FixVerification.Fixed => "已解决 Fixed",
                    FixVerification.PartlyFixed => "部分解决 Partly fixed",
                    _ => "未解决 Not fixed",
                },
        };
        if (record.Answers.Satisfaction is { } satisfaction)
        {
            parts.Add($"满意度 {satisfaction}/5");
        }

        if (record.Answers.Nps is { } nps)
        {
            parts.Add($"NPS {nps}");
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            parts.Add(comment!.Trim());
        }

        return $"[回访 {at}] " + string.Join(" · ", parts);
    }
}
