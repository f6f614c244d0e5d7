using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

/// <summary>Owners for lifecycle tables: monthly ¥200 bills due on the 15th from the move-in month.</summary>
internal static class LifecycleFixtures
{
    /// <param name="moveIn">Move-in date; bills start that month and run to the month before <paramref name="asOf"/>'s.</param>
    /// <param name="asOf">Evaluation date.</param>
    /// <param name="unpaid">Comma-separated unpaid months.</param>
    /// <param name="requests">Comma-separated dates of service requests (repairs).</param>
    public static OwnerFacts Owner(string moveIn, string asOf, string unpaid = "", string requests = "", string? moveOut = null)
    {
        var moveInDate = D(moveIn);
        var asOfDate = D(asOf);
        var months = Math.Max(0, moveInDate.YearMonth.MonthsUntil(asOfDate.YearMonth) + 1);
        var bills = MonthlyBills(moveInDate.YearMonth.ToString(), months, 200m);
        var standing = FeeStanding.Derive(bills, PaidOnTime(bills, Periods(unpaid)), asOfDate);

        var requestFacts = new List<ServiceRequestFact>();
        foreach (var date in Periods(requests))
        {
            requestFacts.Add(new ServiceRequestFact(D(date), IsRepair: true));
        }

        return new OwnerFacts(moveInDate, standing)
        {
            MoveOutOn = moveOut is null ? null : D(moveOut),
            ServiceRequests = requestFacts,
        };
    }

    public static LifecycleStatus Status(LifecycleStage stage, string since, params ChurnRiskFlag[] flags) =>
        new(stage, D(since), flags);

    public static ChinaDate? OptionalDate(string? iso) => iso is null ? null : D(iso);
}
