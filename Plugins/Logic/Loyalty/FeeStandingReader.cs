using System;
using System.Collections.Generic;
using System.Linq;
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
    public static FeeStanding Read(IOrganizationService service, Guid contactId, ChinaDate asOf) => ReadRecords(service, contactId, asOf).Standing;

    /// <summary>The same one query, keeping the bills and payments behind the standing (the 催缴 ladder judges each bill).</summary>
    public static OwnerFeeRecords ReadRecords(IOrganizationService service, Guid contactId, ChinaDate asOf)
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

        return new OwnerFeeRecords(bills.Values.ToList(), paid.Values.ToList(), FeeStanding.Derive(bills.Values, paid.Values, asOf));
    }
}

/// <summary>An owner's bills (due in the last <see cref="FeeStandingReader.BillMonths"/> months), their payments and the standing they give.</summary>
public sealed class OwnerFeeRecords
{
    public OwnerFeeRecords(IReadOnlyList<FeeBill> bills, IReadOnlyList<FeePayment> payments, FeeStanding standing)
    {
        Bills = bills;
        Payments = payments;
        Standing = standing;
    }

    public IReadOnlyList<FeeBill> Bills { get; }

    public IReadOnlyList<FeePayment> Payments { get; }

    public FeeStanding Standing { get; }
}
