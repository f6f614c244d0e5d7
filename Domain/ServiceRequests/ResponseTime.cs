using System;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// 响应时长: how long an owner waited for 受理, the base of KPI 0 平均响应时长. Wall-clock time from the first-response
/// clock's start (the logging) to its completion (受理), whole minutes rounded down, whatever the clock's calendar:
/// the first response runs 24x7 by default, and an owner waiting over a weekend waited the whole weekend.
/// </summary>
public static class ResponseTime
{
    /// <summary>Whole minutes from logging to 受理; null while the first response is not recorded (or not tracked).</summary>
    public static int? WholeMinutes(SlaClock? firstResponse)
    {
        if (firstResponse?.CompletedAt is not DateTimeOffset completed)
        {
            return null;
        }

        var waited = completed - firstResponse.StartedAt;
        return waited <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Floor(waited.TotalMinutes));
    }

    /// <summary>
    /// Refuses a direct save that changes the stored response minutes (<paramref name="stored"/>; null on create): only the
    /// SLA step writes them, so nobody can improve KPI 0 by typing. Sending the stored value back passes.
    /// </summary>
    public static void RefuseDirectEdit(int? stored, int? requested)
    {
        if (requested != stored)
        {
            throw new DomainException(
                ServiceRequestErrorCodes.ResponseMinutesSystemColumn,
                "报事的“响应时长(分钟)”由系统在受理时写入,不能直接修改 / The request's Response Minutes are written by the system at 受理 and cannot be edited.");
        }
    }
}
