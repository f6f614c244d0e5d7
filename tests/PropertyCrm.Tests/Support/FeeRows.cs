using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// Owner, fee bill and fee payment rows with their required columns filled, for the tests that seed them or send
/// them through the pipeline; a test adds only the columns its case is about.
/// </summary>
internal static class FeeRows
{
    /// <summary>An owner (contact) of <paramref name="tier"/> with no points.</summary>
    public static Entity Owner(OwnerTier tier = OwnerTier.Standard) => new(ContactTable.LogicalName)
    {
        [ContactTable.Columns.LastName] = "王",
        [ContactTable.Columns.Tier] = OptionValues.ToOption(tier),
        [ContactTable.Columns.PointsBalance] = 0,
    };

    /// <summary>The owner's bill for the month of <paramref name="dueOn"/>, nothing paid.</summary>
    public static Entity Bill(Guid owner, decimal due, DateTime dueOn) => new(FeeBillTable.LogicalName)
    {
        [FeeBillTable.Columns.Name] = "物业费 / Property fee " + dueOn.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        [FeeBillTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [FeeBillTable.Columns.PeriodStart] = new DateTime(dueOn.Year, dueOn.Month, 1),
        [FeeBillTable.Columns.AmountDue] = new Money(due),
        [FeeBillTable.Columns.DueOn] = dueOn,
    };

    /// <summary>A payment of <paramref name="amount"/> against <paramref name="bill"/> (the owner is left for the pipeline to fill).</summary>
    public static Entity Payment(Guid bill, decimal amount, DateTime paidOn) => new(FeePaymentTable.LogicalName)
    {
        [FeePaymentTable.Columns.Name] = "缴费 / Payment",
        [FeePaymentTable.Columns.FeeBill] = new EntityReference(FeeBillTable.LogicalName, bill),
        [FeePaymentTable.Columns.Amount] = new Money(amount),
        [FeePaymentTable.Columns.PaidOn] = paidOn,
    };
}
