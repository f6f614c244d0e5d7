using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Collection;

/// <summary>The 催缴 ladder's months on the active tier policy row: blank keeps the default, an invalid pair is ignored and named.</summary>
public sealed class CollectionLadderConfigurationTests
{
    /// <summary>Reminder, call, churn-risk months on the row; expected reminder, call, visit; whether the row is named as a problem.</summary>
    public static TheoryData<int?, int?, int?, int, int, int, bool> Rows => new()
    {
        // Blank: 1, 2 and the churn-risk default 3.
        { null, null, null, 1, 2, 3, false },
        // The visit follows the churn-risk threshold.
        { null, null, 4, 1, 2, 4, false },
        { 2, 3, 4, 2, 3, 4, false },
        // A churn-risk threshold of 2: the default call falls on the visit's month (the visit is done).
        { null, null, 2, 1, 2, 2, false },
        // Churn risk at 1 month: the defaults never come after the visit.
        { null, null, 1, 1, 1, 1, false },
        // A call after the visit, or a reminder after the call: ignored as a pair, defaults, traced.
        { null, 4, null, 1, 2, 3, true },
        { 3, 2, null, 1, 2, 3, true },
        { 0, null, null, 1, 2, 3, true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Build_LadderMonthsOnTheTierPolicy_LayeredOrIgnoredAsAPair(int? reminder, int? call, int? churnRisk, int expectedReminder, int expectedCall, int expectedVisit, bool problem)
    {
        var row = new Entity(TierPolicyTable.LogicalName, Guid.NewGuid())
        {
            [TierPolicyTable.Columns.CollectionReminderMonths] = reminder,
            [TierPolicyTable.Columns.CollectionCallMonths] = call,
            [TierPolicyTable.Columns.ChurnRiskUnpaidMonths] = churnRisk,
        };

        var configuration = LoyaltyConfigurationQuery.Build(DateTime.UtcNow, Array.Empty<Entity>(), row);

        var ladder = configuration.CollectionLadder;
        Assert.Equal((expectedReminder, expectedCall, expectedVisit), (ladder.ReminderMonths, ladder.CallMonths, ladder.VisitMonths));
        Assert.Equal(problem, configuration.Problems.Count == 1 && configuration.Problems[0].Contains("collection ladder", StringComparison.Ordinal));
    }
}
