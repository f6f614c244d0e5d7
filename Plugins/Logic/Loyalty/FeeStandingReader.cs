using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>Reads an owner's fee standing (bills and their payments) for the tier and lifecycle rules.</summary>
public static class FeeStandingReader
{
    /// <summary>How far back bills are read for the fee standing (the standing itself looks at 12 months + arrears).</summary>
    public const int BillMonths = 36;

    private const string PaymentAlias = "payment";

    /// <summary>The owner's bills (due within <see cref="BillMonths"/> months) and their payments: one query.</summary>
    public static FeeStanding Read(IOrganizationService service, Guid contactId, ChinaDate asOf)
    {
        var query = new QueryExpression(FeeBillTable.LogicalName)
        {
            ColumnSet = new ColumnSet(FeeBillTable.Columns.PeriodStart, FeeBillTable.Columns.AmountDue, FeeBillTable.Columns.DueOn),
        };
        query.Criteria.AddCondition(FeeBillTable.Columns.Contact, ConditionOperator.Equal, contactId);
        var from = asOf.AddMonths(-BillMonths);
        query.Criteria.AddCondition(FeeBillTable.Columns.DueOn, ConditionOperator.OnOrAfter, new DateTime(from.Year, from.Month, from.Day, 0, 0, 0, DateTimeKind.Utc));
        var payments = query.AddLink(FeePaymentTable.LogicalName, FeeBillTable.PrimaryId, FeePaymentTable.Columns.FeeBill, JoinOperator.LeftOuter);
        payments.EntityAlias = PaymentAlias;
        payments.Columns = new ColumnSet(FeePaymentTable.PrimaryId, FeePaymentTable.Columns.Amount, FeePaymentTable.Columns.PaidOn);

        var bills = new Dictionary<Guid, FeeBill>();
        var paid = new Dictionary<Guid, FeePayment>();
        foreach (var row in service.RetrieveAll(query, LedgerStore.PageSize))
        {
            if (!bills.ContainsKey(row.Id))
            {
                var bill = FeeMapping.ReadBill(row);
                if (bill is not null)
                {
                    bills[row.Id] = bill;
                }
            }

            if (bills.ContainsKey(row.Id)
                && row.GetAttributeValue<AliasedValue>(PaymentAlias + "." + FeePaymentTable.PrimaryId)?.Value is Guid paymentId
                && !paid.ContainsKey(paymentId)
                && row.GetAttributeValue<AliasedValue>(PaymentAlias + "." + FeePaymentTable.Columns.Amount)?.Value is Money amount
                && amount.Value > 0m
                && row.GetAttributeValue<AliasedValue>(PaymentAlias + "." + FeePaymentTable.Columns.PaidOn)?.Value is DateTime paidOn)
            {
                paid[paymentId] = new FeePayment(FeeMapping.Id(paymentId), FeeMapping.Id(row.Id), amount.Value, FeeMapping.Instant(paidOn));
            }
        }

        return FeeStanding.Derive(bills.Values, paid.Values, asOf);
    }
}
