using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>Maps <c>pcrm_feebill</c> / <c>pcrm_feepayment</c> rows to the fee domain records.</summary>
public static class FeeMapping
{
    /// <summary>The bill columns <see cref="ReadBill"/> needs.</summary>
    public static readonly string[] BillColumns =
    {
        FeeBillTable.Columns.Contact,
        FeeBillTable.Columns.PeriodStart,
        FeeBillTable.Columns.AmountDue,
        FeeBillTable.Columns.DueOn,
        FeeBillTable.Columns.AmountPaid,
        FeeBillTable.Columns.PaidInFullOn,
    };

    /// <summary>The domain id of a row.</summary>
    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A bill, or null when its amount due or due date is blank (nothing to pay).</summary>
    public static FeeBill? ReadBill(Entity row)
    {
        var due = row.GetAttributeValue<Money>(FeeBillTable.Columns.AmountDue)?.Value;
        var dueOn = row.GetAttributeValue<DateTime?>(FeeBillTable.Columns.DueOn);
        if (due is not decimal amount || amount <= 0m || dueOn is not DateTime dueDate)
        {
            return null;
        }

        var period = ToDate(row.GetAttributeValue<DateTime?>(FeeBillTable.Columns.PeriodStart) ?? dueDate).YearMonth;
        return new FeeBill(Id(row.Id), period, amount, ToDate(dueDate));
    }

    /// <summary>A date-only column value as a China date (date-only values carry no time zone).</summary>
    public static ChinaDate ToDate(DateTime dateOnly) => new(dateOnly.Year, dateOnly.Month, dateOnly.Day);

    /// <summary>A China date as a date-only column value.</summary>
    public static DateTime FromDate(ChinaDate date) => new(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A date-time column value (UTC) as an instant (<see cref="DataverseTime.ToInstant(DateTime)"/>).</summary>
    public static DateTimeOffset Instant(DateTime utc) => DataverseTime.ToInstant(utc);
}
