using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Care;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Collection;

/// <summary>
/// The 催缴 ladder and the retention case through pcrm_RunCarePlanner (issue 13 done-when): each rung once per bill, a re-run
/// creates nothing, a paid bill stops the ladder; a churn-risk owner gets one retention case per episode.
/// </summary>
public sealed class CollectionLadderApiTests
{
    /// <summary>The owner tag step associates all of an owner's new tags in one Associate.</summary>
    private const int TagAssociations = 1;

    private readonly CareBed bed = new();

    [Fact]
    public void RunDaily_UnpaidBill_ReminderCallVisitOnceEachAndAPaidBillStops()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2025-01-10", butler);
        var unpaid = bed.Data.Bill(owner, 300m, DataProducer.DateOnly("2026-01-31"));
        var paidLate = bed.Data.Bill(owner, 300m, DataProducer.DateOnly("2026-02-28"));
        bed.Data.Payment(paidLate, 300m, DataProducer.At("2026-03-20"));

        bed.RunDaily("2026-01-25", "2026-04-20");

        // Reminders: one per bill (the February bill's on 03-01, before it was paid), service notices for the flow to send.
        var messages = Messages(owner);
        Assert.Equal(new[] { $"{unpaid:D}|1", $"{paidLate:D}|1" }, messages.Select(m => m.GetAttributeValue<string>(OwnerMessageTable.Columns.Key)).OrderBy(k => k == $"{paidLate:D}|1").ToArray());
        var reminder = messages.Single(m => m.GetAttributeValue<EntityReference>(OwnerMessageTable.Columns.FeeBill).Id == unpaid);
        Assert.Equal(MessagePurpose.ServiceNotice, reminder.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.Purpose).Value);
        Assert.Equal(MessageDeliveryStatus.Pending, reminder.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.DeliveryStatus).Value);
        Assert.Equal(butler, reminder.GetAttributeValue<EntityReference>(OwnerMessageTable.Columns.OwnerId).Id);
        Assert.Contains("¥300.00", reminder.GetAttributeValue<string>(OwnerMessageTable.Columns.Text), StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc), reminder.GetAttributeValue<DateTime>(OwnerMessageTable.Columns.CreatedOn));

        // The unpaid bill climbs to the call (03-01) and the visit (04-01); the paid one stops after its reminder.
        var rungs = bed.Occasions(owner)
            .Where(o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value is CareEvent.CollectionCall or CareEvent.CollectionVisit)
            .OrderBy(o => o.GetAttributeValue<DateTime>(CareOccasionTable.Columns.OccasionOn))
            .ToList();
        Assert.Equal(new[] { CareEvent.CollectionCall, CareEvent.CollectionVisit }, rungs.Select(o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value).ToArray());
        Assert.Equal(new[] { "2026-03-01", "2026-04-01" }, rungs.Select(o => o.GetAttributeValue<DateTime>(CareOccasionTable.Columns.OccasionOn).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Assert.All(rungs, o => Assert.EndsWith($"|{unpaid:N}", o.GetAttributeValue<string>(CareOccasionTable.Columns.Key), StringComparison.Ordinal));
        var visit = bed.Dataverse.Peek(TaskActivity.LogicalName, rungs[1].GetAttributeValue<EntityReference>(CareOccasionTable.Columns.Task).Id)!;
        Assert.Equal(butler, visit.GetAttributeValue<EntityReference>(TaskActivity.OwnerId).Id);
        Assert.Equal("2026-04-08", CareBed.DueDay(visit));
        Assert.Equal(TaskActivity.Priorities.High, visit.GetAttributeValue<OptionSetValue>(TaskActivity.PriorityCode).Value);
        Assert.Contains("催缴上门", visit.GetAttributeValue<string>(TaskActivity.Subject), StringComparison.Ordinal);

        // Running again, the same day or later, creates nothing more.
        var tasks = bed.Tasks(owner).Count;
        bed.Run();
        bed.RunDaily("2026-04-21", "2026-05-10");
        Assert.Equal(2, Messages(owner).Count);
        Assert.Equal(2, bed.Occasions(owner).Count(o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value is CareEvent.CollectionCall or CareEvent.CollectionVisit));
        Assert.True(bed.Tasks(owner).Count - tasks <= 1, "only the monthly care plan may add a task in May");
    }

    [Fact]
    public void Run_BillPaidBeforeTheReminder_NothingOnTheLadder()
    {
        var owner = bed.Data.OwnerWithButler("2025-01-10", bed.Dataverse.CreateUser("管家 Butler"));
        var bill = bed.Data.Bill(owner, 300m, DataProducer.DateOnly("2026-01-31"));
        bed.Data.Payment(bill, 300m, DataProducer.At("2026-01-31"));

        bed.RunDaily("2026-01-30", "2026-04-05");

        Assert.Empty(Messages(owner));
        Assert.DoesNotContain(bed.Occasions(owner), o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value is CareEvent.CollectionCall or CareEvent.CollectionVisit);
    }

    [Fact]
    public void Run_ThirdUnpaidMonth_VisitOnTheDayOfTheChurnRiskFlagAndOneRetentionCase()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2025-01-10", butler);
        var property = bed.Data.Property("项目 / Property");
        var unit = bed.Dataverse.Seed(new Entity(UnitTable.LogicalName)
        {
            [UnitTable.Columns.Name] = "房屋 / Unit",
            [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
        });
        bed.Dataverse.Seed(DataProducer.NewOccupancy(owner, unit, "2025-01-10"));
        bed.Data.MonthlyBills(owner, "2025-12", "2026-03", "2026-01", "2026-02", "2026-03");
        bed.Data.RequestOpenedOn(owner, "2026-02-20"); // not a quiet owner: the unpaid months are the only signal

        // 03-16: the March bill (due 03-15) fell overdue on 03-16, the third unpaid month: the lifecycle review raises the flag
        // dated 03-16, the day the January bill's visit rung was reached.
        bed.Today("2026-03-16");
        bed.Dataverse.Service.Execute(new OrganizationRequest(RunLifecycleReviewPlugin.ApiName));
        var contact = bed.Dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.True(contact.GetAttributeValue<bool>(ContactTable.Columns.ChurnRisk));
        Assert.Equal(DataProducer.DateOnly("2026-03-16"), contact.GetAttributeValue<DateTime>(ContactTable.Columns.ChurnRiskSince).AddHours(8).Date);

        bed.Run();

        var visit = Assert.Single(bed.Occasions(owner), o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value == CareEvent.CollectionVisit);
        Assert.Equal(DataProducer.DateOnly("2026-03-16"), visit.GetAttributeValue<DateTime>(CareOccasionTable.Columns.OccasionOn));
        var retention = Assert.Single(Cases(owner));
        Assert.Equal($"{owner:N}|20260316", retention.GetAttributeValue<string>(RetentionCaseTable.Columns.Key));
        Assert.Equal(DataProducer.DateOnly("2026-03-16"), retention.GetAttributeValue<DateTime>(RetentionCaseTable.Columns.RiskSince));
        Assert.Equal(butler, retention.GetAttributeValue<EntityReference>(RetentionCaseTable.Columns.OwnerId).Id);
        Assert.Equal(property, retention.GetAttributeValue<EntityReference>(RetentionCaseTable.Columns.Property).Id);
        Assert.Equal(RetentionCaseTable.StatusReasons.Open, retention.GetAttributeValue<OptionSetValue>(RetentionCaseTable.Columns.StatusCode).Value);
        Assert.Single(bed.Occasions(owner), o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value == CareEvent.RetentionContact);

        // Re-runs in the same episode open no second case.
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(3));
        bed.Run();
        bed.RunDaily("2026-03-17", "2026-03-25");
        Assert.Single(Cases(owner));
    }

    [Fact]
    public void Run_ReminderDueAndNewRetentionCase_CallBudget()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "业主 Owner",
            [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2025-01-10"),
            [ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler),
            [ContactTable.Columns.ChurnRisk] = true,
            [ContactTable.Columns.ChurnRiskSince] = DataProducer.DateOnly("2026-03-30"),
            [ContactTable.Columns.LifecycleStage] = new OptionSetValue(LifecycleStage.ChurnRisk),
        });
        bed.Data.RequestOpenedOn(owner, "2026-02-10");
        bed.Data.RequestOpenedOn(owner, "2026-03-10"); // two requests: not a low-interaction owner, no care plan
        bed.Data.Bill(owner, 300m, DataProducer.DateOnly("2026-03-31"));
        bed.Today("2026-04-01");

        bed.Run();

        // Configuration, cold (2) + owners (2) + occupancies, households, requests (3) + bills (1) + occasion keys (1: the
        // 挽留沟通 task) + message keys (1) + case key (1) + the case's property (1); task and occasion, message, case. The owner
        // tag step (no household on the page: no members query) creates the 12 rule tags on this first run and tags the owner.
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(2 + 2 + 3 + 1 + 1 + 1 + 1 + 1 + OwnerTagCalls.PageReadsWithoutHouseholds + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(2 + 1 + 1 + OwnerTagCalls.RuleTagsCreated + TagAssociations + SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
        Assert.Single(Messages(owner));
        Assert.Single(Cases(owner));

        // Again the same morning (configuration still cached): the keys are read, nothing is written but the lock.
        bed.Run();
        calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(2 + 3 + 1 + 1 + 1 + 1 + OwnerTagCalls.PageReadsWithoutHouseholds + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(SweepJobCalls.Writes, calls.Writes);
    }

    private System.Collections.Generic.List<Entity> Messages(Guid owner) =>
        bed.Dataverse.PeekAll(OwnerMessageTable.LogicalName).Where(m => m.GetAttributeValue<EntityReference>(OwnerMessageTable.Columns.Contact)?.Id == owner).ToList();

    private System.Collections.Generic.List<Entity> Cases(Guid owner) =>
        bed.Dataverse.PeekAll(RetentionCaseTable.LogicalName).Where(m => m.GetAttributeValue<EntityReference>(RetentionCaseTable.Columns.Contact)?.Id == owner).ToList();
}
