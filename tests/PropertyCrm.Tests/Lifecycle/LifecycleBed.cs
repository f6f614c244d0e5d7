using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Lifecycle;

/// <summary>
/// Arranges owners for the lifecycle review in the harness (seeded: no pipeline): move-in on the contact or as
/// occupancies, monthly ¥200 bills due on the 15th, service requests opened on a China date; runs the Custom API.
/// </summary>
internal sealed class LifecycleBed
{
    private int counter;

    public FakeDataverse Dataverse { get; } = new FakeDataverse().WithPluginCatalog();

    /// <summary>An owner with <paramref name="moveIn"/> recorded on the contact (null: none).</summary>
    public Guid Owner(string? moveIn)
    {
        var row = new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "业主" + (++counter) };
        if (moveIn is not null)
        {
            row[ContactTable.Columns.MoveInDate] = DateOnly(moveIn);
        }

        return Dataverse.Seed(row);
    }

    public void Occupancy(Guid owner, string start, string? end = null, bool withdrawn = false)
    {
        var row = new Entity(OccupancyTable.LogicalName)
        {
            [OccupancyTable.Columns.Name] = "住户 / Occupancy " + (++counter),
            [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [OccupancyTable.Columns.StartDate] = DateOnly(start),
            [OccupancyTable.Columns.EndDate] = end is null ? null : DateOnly(end),
        };
        if (withdrawn)
        {
            row[OccupancyTable.Columns.StateCode] = new OptionSetValue(1);
            row[OccupancyTable.Columns.StatusCode] = new OptionSetValue(2);
        }

        Dataverse.Seed(row);
    }

    /// <summary>Monthly bills from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> (yyyy-MM), paid two days before the due date except <paramref name="unpaid"/>.</summary>
    public void Bills(Guid owner, string firstMonth, string lastMonth, params string[] unpaid)
    {
        var month = DateOnly(firstMonth + "-01");
        var last = DateOnly(lastMonth + "-01");
        for (; month <= last; month = month.AddMonths(1))
        {
            var dueOn = month.AddDays(14);
            var bill = Dataverse.Seed(new Entity(FeeBillTable.LogicalName)
            {
                [FeeBillTable.Columns.Name] = "物业费 / Property fee " + month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                [FeeBillTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [FeeBillTable.Columns.PeriodStart] = month,
                [FeeBillTable.Columns.AmountDue] = new Money(200m),
                [FeeBillTable.Columns.DueOn] = dueOn,
            });
            if (Array.IndexOf(unpaid, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)) < 0)
            {
                Pay(bill, dueOn.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Pays every unpaid bill of the owner on <paramref name="paidOn"/> (10:00 China time).</summary>
    public void SettleArrears(Guid owner, string paidOn)
    {
        foreach (var bill in Dataverse.PeekAll(FeeBillTable.LogicalName))
        {
            var paid = false;
            foreach (var payment in Dataverse.PeekAll(FeePaymentTable.LogicalName))
            {
                paid |= payment.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.FeeBill)?.Id == bill.Id;
            }

            if (!paid && bill.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact)?.Id == owner)
            {
                Pay(bill.Id, paidOn);
            }
        }
    }

    /// <summary>A service request reported by the owner, opened on <paramref name="openedOn"/> at 10:00 China time.</summary>
    public void Request(Guid owner, string openedOn)
    {
        var now = Dataverse.Clock.UtcNow;
        Dataverse.Clock.SetClock(At(openedOn));
        Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
        {
            [ServiceRequestTable.Columns.Name] = "报修 / Repair " + (++counter),
            [ServiceRequestTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        });
        Dataverse.Clock.SetClock(now);
    }

    /// <summary>Moves the clock to 10:00 China time on <paramref name="date"/>.</summary>
    public void Today(string date) => Dataverse.Clock.SetClock(At(date));

    public OrganizationResponse Run(DateTime? asOf = null, int? pageSize = null, int? budgetSeconds = null, string? token = null)
    {
        var request = new OrganizationRequest(RunLifecycleReviewPlugin.ApiName);
        if (asOf.HasValue)
        {
            request[RunLifecycleReviewPlugin.AsOfParameter] = asOf.Value;
        }

        if (pageSize.HasValue)
        {
            request[RunLifecycleReviewPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunLifecycleReviewPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token != null)
        {
            request[RunLifecycleReviewPlugin.ContinuationTokenParameter] = token;
        }

        return Dataverse.Service.Execute(request);
    }

    public Entity Contact(Guid owner) => Dataverse.Peek(ContactTable.LogicalName, owner)!;

    public LifecycleStage? Stage(Guid owner) => OptionValues.Read<LifecycleStage>(Contact(owner), ContactTable.Columns.LifecycleStage);

    /// <summary>The China date of a date-time column, or null when blank.</summary>
    public ChinaDate? Day(Guid owner, string column) =>
        Contact(owner).GetAttributeValue<DateTime?>(column) is DateTime value ? ChinaDate.FromInstant(new DateTimeOffset(value, TimeSpan.Zero)) : null;

    /// <summary>10:00 China time (02:00 UTC) on a date.</summary>
    public static DateTime At(string date) => DateOnly(date).AddHours(2);

    private void Pay(Guid bill, string paidOn) => Dataverse.Seed(FeeRows.Payment(bill, 200m, At(paidOn)));

    private static DateTime DateOnly(string iso) => DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
