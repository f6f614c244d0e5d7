using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The care planner's fee-collection and retention work for one owner: the 催缴 ladder's step due for each unpaid bill
/// (<see cref="CollectionLadder"/>: a reminder becomes a <c>pcrm_ownermessage</c> service notice keyed "bill|1"; the
/// butler's call and visit become care tasks with a <c>pcrm_careoccasion</c> keyed "owner|event|bill"), and one
/// <c>pcrm_retentioncase</c> per churn-risk episode (keyed "owner|yyyyMMdd" of the risk start).
/// </summary>
/// <remarks>
/// Calls, for an owner with something due: 1 read for the message keys when a reminder is due (+1 write per message);
/// the care occasion keys are read with the care planner's own (one query); for an owner at churn risk 1 read (the case
/// key), and when the case is new 1 read (the owner's property) + 1 write.
/// </remarks>
public static class CollectionWork
{
    /// <summary>The butler's call is due 3 days after its rung is reached; the visit 7 days (a visit needs an appointment).</summary>
    public const int CallWithinDays = 3;

    public const int VisitWithinDays = 7;

    /// <summary>The retention case's one-to-one contact is due 2 days after it opens, as the 挽留沟通 task (CarePolicy).</summary>
    public const int RetentionContactWithinDays = 2;

    /// <summary>The ladder's steps due for the owner's bills on <paramref name="day"/>.</summary>
    public static IReadOnlyList<CollectionStep> DueSteps(OwnerFeeRecords records, ChinaDate day, CollectionLadderRules ladder)
    {
        var steps = new List<CollectionStep>();
        foreach (var bill in records.Bills)
        {
            if (CollectionLadder.Due(CollectionBill.From(bill, records.Payments), day, ladder) is CollectionStep step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    /// <summary>The call or visit of a step as a care occasion (the task), keyed on owner + event + bill.</summary>
    public static KeyValuePair<string, CareOccasion> TaskOccasion(string ownerKey, CollectionStep step, OwnerFeeRecords records, ChinaDate day)
    {
        var bill = records.Bills.First(b => string.Equals(b.BillId, step.BillId, StringComparison.Ordinal));
        var visit = step.Rung == CollectionRung.Visit;
        var kind = visit ? SuggestedActionKind.CollectionVisit : SuggestedActionKind.CollectionCall;
        var due = ChinaDate.Max(day, step.DueSince.AddDays(visit ? VisitWithinDays : CallWithinDays));
        var reason = string.Format(
            CultureInfo.InvariantCulture,
            "{0} 年 {1} 月物业费 ¥{2:0.00} 于 {3} 到期未缴清,{4} / The {0}-{1:00} property fee of ¥{2:0.00}, due {3}, is unpaid: {5}",
            bill.Period.Year,
            bill.Period.Month,
            bill.AmountDue,
            bill.DueOn,
            visit ? "请上门沟通(业主已有流失风险)" : "请电话沟通",
            visit ? "visit the owner (churn risk)." : "call the owner.");
        var action = new SuggestedAction(kind, due, StaffRole.Butler, visit ? "collection.visit" : "collection.call", reason);
        var key = TaskKey(ownerKey, kind, Guid.Parse(step.BillId));
        return new KeyValuePair<string, CareOccasion>(key, new CareOccasion(action, step.DueSince));
    }

    /// <summary>The care occasion key of a 催缴 call or visit: owner + event + bill ("owner|kind|bill").</summary>
    public static string TaskKey(string ownerKey, SuggestedActionKind kind, Guid billId) =>
        $"{ownerKey}|{(int)kind}|{billId:N}";

    /// <summary>Reads a <see cref="TaskKey"/> back: the event and the bill; false for any other care occasion key.</summary>
    public static bool TryReadTaskKey(string? key, out SuggestedActionKind kind, out Guid billId)
    {
        var parts = (key ?? string.Empty).Split('|');
        kind = default;
        billId = default;
        if (parts.Length != 3 || !Guid.TryParseExact(parts[2], "N", out billId) || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        kind = (SuggestedActionKind)value;
        return true;
    }

    /// <summary>Writes the reminders of <paramref name="steps"/> not written yet; returns how many it wrote.</summary>
    public static int WriteReminders(IOrganizationService service, Entity contact, EntityReference? assignee, IEnumerable<CollectionStep> steps, OwnerFeeRecords records, Action<string> trace)
    {
        var reminders = steps.Where(s => s.Rung == CollectionRung.Reminder).ToList();
        if (reminders.Count == 0)
        {
            return 0;
        }

        var query = new QueryExpression(OwnerMessageTable.LogicalName) { ColumnSet = new ColumnSet(OwnerMessageTable.Columns.Key) };
        query.Criteria.AddCondition(OwnerMessageTable.Columns.Key, ConditionOperator.In, reminders.Select(s => (object)s.Key).ToArray());
        var existing = new HashSet<string>(
            service.RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>(OwnerMessageTable.Columns.Key) ?? string.Empty),
            StringComparer.OrdinalIgnoreCase);

        var written = 0;
        foreach (var step in reminders.Where(s => !existing.Contains(s.Key)))
        {
            var bill = records.Bills.First(b => string.Equals(b.BillId, step.BillId, StringComparison.Ordinal));
            var message = new Entity(OwnerMessageTable.LogicalName)
            {
                [OwnerMessageTable.Columns.Name] = ColumnText.Fit(
                    string.Format(CultureInfo.InvariantCulture, "催缴提醒 · {0}-{1:00} 物业费 / Fee reminder", bill.Period.Year, bill.Period.Month),
                    OwnerMessageTable.MaxLengths.Name),
                [OwnerMessageTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact.Id),
                [OwnerMessageTable.Columns.Purpose] = new OptionSetValue(MessagePurpose.ServiceNotice),
                [OwnerMessageTable.Columns.Channel] = new OptionSetValue(MessageChannel.Sms),
                [OwnerMessageTable.Columns.Text] = ColumnText.Fit(ReminderText.Compose(bill.Period, bill.AmountDue, bill.DueOn), OwnerMessageTable.MaxLengths.Text),
                [OwnerMessageTable.Columns.DeliveryStatus] = new OptionSetValue(MessageDeliveryStatus.Pending),
                [OwnerMessageTable.Columns.FeeBill] = new EntityReference(FeeBillTable.LogicalName, Guid.Parse(step.BillId)),
                [OwnerMessageTable.Columns.Key] = step.Key,
            };
            if (assignee is not null)
            {
                message[OwnerMessageTable.Columns.OwnerId] = assignee;
            }

            service.Create(message);
            written++;
            trace($"Owner {contact.Id}: fee reminder for bill {step.BillId} ({step.Key}).");
        }

        return written;
    }

    /// <summary>Opens the retention case of the owner's churn-risk episode unless it exists; returns whether it opened one.</summary>
    public static bool OpenRetentionCase(IOrganizationService service, Entity contact, EntityReference? assignee, ChinaDate riskSince, ChinaDate day, Action<string> trace)
    {
        var key = RetentionCaseRules.Key(contact.Id.ToString("N"), riskSince);
        var query = new QueryExpression(RetentionCaseTable.LogicalName) { ColumnSet = new ColumnSet(RetentionCaseTable.Columns.Key), TopCount = 1 };
        query.Criteria.AddCondition(RetentionCaseTable.Columns.Key, ConditionOperator.Equal, key);
        if (service.RetrieveMultiple(query).Entities.Count > 0)
        {
            return false;
        }

        var name = contact.GetAttributeValue<string>(ContactTable.Columns.FullName) ?? string.Empty;
        var row = new Entity(RetentionCaseTable.LogicalName)
        {
            [RetentionCaseTable.Columns.Name] = ColumnText.Fit($"挽留 / Retention {riskSince}:{name}", RetentionCaseTable.MaxLengths.Name),
            [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact.Id),
            [RetentionCaseTable.Columns.RiskSince] = FeeMapping.FromDate(riskSince),
            [RetentionCaseTable.Columns.Key] = key,
            [RetentionCaseTable.Columns.DueOn] = day.AddDays(RetentionContactWithinDays).StartInstant.Add(CarePlannerSweep.DueTimeOfDay).UtcDateTime,
        };
        if (CurrentProperty(service, contact.Id) is EntityReference property)
        {
            row[RetentionCaseTable.Columns.Property] = property;
        }

        if (assignee is not null)
        {
            row[RetentionCaseTable.Columns.OwnerId] = assignee;
        }

        service.Create(row);
        trace($"Owner {contact.Id}: retention case opened for the churn risk since {riskSince} ({key}).");
        return true;
    }

    // The property of the owner's latest active occupancy: 1 read.
    private static EntityReference? CurrentProperty(IOrganizationService service, Guid contactId)
    {
        const string UnitAlias = "unit";
        var query = new QueryExpression(OccupancyTable.LogicalName) { ColumnSet = new ColumnSet(OccupancyTable.Columns.StartDate), TopCount = 1 };
        query.Criteria.AddCondition(OccupancyTable.Columns.Contact, ConditionOperator.Equal, contactId);
        query.Criteria.AddCondition(OccupancyTable.Columns.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(OccupancyTable.Columns.StartDate, OrderType.Descending);
        var unit = query.AddLink(UnitTable.LogicalName, OccupancyTable.Columns.Unit, UnitTable.PrimaryId, JoinOperator.Inner);
        unit.EntityAlias = UnitAlias;
        unit.Columns = new ColumnSet(UnitTable.Columns.Property);
        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        return row?.GetAttributeValue<AliasedValue>(UnitAlias + "." + UnitTable.Columns.Property)?.Value as EntityReference;
    }
}
