using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Care;

/// <summary>
/// pcrm_RunCarePlanner through the harness: care tasks for the owner's butler, once per owner + event + occasion.
/// Call budget per page: 2 + 3 reads (owners; occupancies, households, requests), per owner 1 read (fee standing),
/// + 1 read when anything is due (the keys), + 2 writes per task (task, occasion); plus the job lock.
/// </summary>
public sealed class CarePlannerApiTests
{
    /// <summary>The loyalty configuration (earn rules, tier policy), read when not cached: 3 hours between runs outlive the cache.</summary>
    private const int ConfigurationReads = 2;

    private readonly CareBed bed = new();

    [Fact]
    public void Run_SixtiethBirthday_OneVisitTaskForTheButlerAndRerunsCreateNone()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2020-01-10", butler);
        bed.Data.Household(owner, birthDate: "1966-07-15");
        bed.Today("2026-07-13");

        var response = bed.Run();

        Assert.Equal(1, response.Results[RunCarePlannerPlugin.ProcessedOutput]);
        Assert.Equal(1, response.Results[RunCarePlannerPlugin.TasksCreatedOutput]);
        var task = Assert.Single(bed.Tasks(owner));
        Assert.Equal(butler, task.GetAttributeValue<EntityReference>(TaskActivity.OwnerId).Id);
        Assert.Equal(ContactTable.LogicalName, task.GetAttributeValue<EntityReference>(TaskActivity.RegardingObjectId).LogicalName);
        Assert.Equal("2026-07-15", CareBed.DueDay(task));
        Assert.Equal(new DateTime(2026, 7, 15, 10, 0, 0, DateTimeKind.Utc), task.GetAttributeValue<DateTime>(TaskActivity.ScheduledEnd));
        Assert.Contains("整寿拜访", task.GetAttributeValue<string>(TaskActivity.Subject), StringComparison.Ordinal);
        Assert.Contains("60", task.GetAttributeValue<string>(TaskActivity.Description), StringComparison.Ordinal);
        Assert.Equal(TaskActivity.States.Open, task.GetAttributeValue<OptionSetValue>(TaskActivity.StateCode).Value);
        Assert.Equal(2, task.GetAttributeValue<OptionSetValue>(TaskActivity.StatusCode).Value);
        var occasion = Assert.Single(bed.Occasions(owner));
        Assert.Equal(CareEvent.MilestoneBirthdayVisit, occasion.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value);
        Assert.Equal(task.Id, occasion.GetAttributeValue<EntityReference>(CareOccasionTable.Columns.Task).Id);
        Assert.Equal(butler, occasion.GetAttributeValue<EntityReference>(CareOccasionTable.Columns.OwnerId).Id);
        Assert.Equal($"{owner:N}|5|20260715", occasion.GetAttributeValue<string>(CareOccasionTable.Columns.Key));

        // Budget: the loyalty configuration, cold (2: the 催缴 ladder's months) + owners (2) + occupancies, households, requests
        // (3) + fee standing (1) + keys (1); task and occasion. The owner tag step: rule tags, members, tenancies, check-ins,
        // suggestions, links (6); the 12 rule tags created on this first run, and one Associate (老人家庭 at 60, 沉睡: no request
        // for half a year).
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(ConfigurationReads + 2 + 3 + 1 + 1 + OwnerTagCalls.PageReads + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(2 + OwnerTagCalls.RuleTagsCreated + 1 + SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);

        // The same day again, and every day up to a week after the birthday: nothing more.
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(3));
        Assert.Equal(0, bed.Run().Results[RunCarePlannerPlugin.TasksCreatedOutput]);
        Assert.Equal(ConfigurationReads + 2 + 3 + 1 + 1 + OwnerTagCalls.PageReads + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0 + SweepJobCalls.Writes, bed.Dataverse.LastExecution.PluginCalls.Writes);
        Assert.Equal(0, bed.RunDaily("2026-07-14", "2026-07-31"));
        Assert.Single(bed.Tasks(owner));
    }

    [Fact]
    public void Run_TaskDeletedByTheButler_NotCreatedAgain()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2020-01-10", butler);
        bed.Data.Household(owner, birthDate: "1956-03-02");
        bed.Today("2026-03-01");
        bed.Run();
        var task = Assert.Single(bed.Tasks(owner));

        bed.Service.Delete(TaskActivity.LogicalName, task.Id);
        bed.Today("2026-03-02");
        var again = bed.Run();

        Assert.Equal(0, again.Results[RunCarePlannerPlugin.TasksCreatedOutput]);
        Assert.Empty(bed.Tasks(owner));
        Assert.Null(Assert.Single(bed.Occasions(owner)).GetAttributeValue<EntityReference>(CareOccasionTable.Columns.Task));
    }

    [Fact]
    public void RunDaily_NewMoveIn_WelcomeOnDayOneThenTheNinetyDaySequenceOnce()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2026-03-01", butler);

        var created = bed.RunDaily("2026-03-01", "2026-06-15");

        var tasks = bed.Tasks(owner);
        Assert.Equal(4, created);
        Assert.Equal(new[] { "2026-03-01", "2026-03-07", "2026-03-30", "2026-04-29" }, tasks.Select(CareBed.DueDay));
        Assert.Equal(
            new[] { CareEvent.MoveInWelcomeVisit, CareEvent.RenovationAssistance, CareEvent.NeighbourIntroduction, CareEvent.CommunityEventInvitation },
            bed.Occasions(owner).Select(o => o.GetAttributeValue<OptionSetValue>(CareOccasionTable.Columns.Event).Value).OrderBy(v => v));
        Assert.All(tasks, t => Assert.Equal(butler, t.GetAttributeValue<EntityReference>(TaskActivity.OwnerId).Id));
    }

    [Fact]
    public void RunDaily_ElderlyLivingAlone_OneCheckInCallAWeekAtHighPriority()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Data.OwnerWithButler("2025-01-07", butler);
        bed.Data.Household(owner, livesAlone: true);

        var created = bed.RunDaily("2026-06-01", "2026-06-21");

        // Weekly from move-in (a Tuesday): 2 June is the first call whose lead time falls in the run; the last run
        // (21 June) already plans 23 June, three days ahead.
        var calls = bed.Tasks(owner);
        Assert.Equal(new[] { "2026-06-02", "2026-06-09", "2026-06-16", "2026-06-23" }, calls.Select(CareBed.DueDay));
        Assert.Equal(4, created);
        Assert.All(calls, t => Assert.Equal(TaskActivity.Priorities.High, t.GetAttributeValue<OptionSetValue>(TaskActivity.PriorityCode).Value));
    }

    [Fact]
    public void Run_ChurnRiskOwner_RetentionContactOncePerEpisode()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "流失风险业主",
            [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2024-01-10"),
            [ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler),
            [ContactTable.Columns.LifecycleStage] = OptionValues.ToOption(PropertyCrm.Domain.Lifecycle.LifecycleStage.ChurnRisk),
            [ContactTable.Columns.ChurnRisk] = true,
            [ContactTable.Columns.ChurnRiskSince] = DataProducer.DateOnly("2026-05-14").AddHours(16),
        });
        bed.Data.RequestOpenedOn(owner, "2026-06-01");
        bed.Today("2026-06-10");

        bed.Run();
        bed.Today("2026-06-11");
        bed.Run();

        var task = Assert.Single(bed.Tasks(owner));
        Assert.Equal("2026-06-12", CareBed.DueDay(task));
        Assert.Equal(TaskActivity.Priorities.High, task.GetAttributeValue<OptionSetValue>(TaskActivity.PriorityCode).Value);
        Assert.EndsWith("|3|20260515", Assert.Single(bed.Occasions(owner)).GetAttributeValue<string>(CareOccasionTable.Columns.Key), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OwnerWithoutButler_TaskOwnedLikeTheContactAndTraced()
    {
        var owner = bed.Data.OwnerWithButler("2026-03-01", null);
        bed.Today("2026-03-01");

        bed.Run();

        var task = Assert.Single(bed.Tasks(owner));
        Assert.Equal(bed.Dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId).Id, task.GetAttributeValue<EntityReference>(TaskActivity.OwnerId).Id);
        Assert.Contains(bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines), l => l.Contains("has no butler", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_PageSizeOneAndNoBudget_ResumesWithTokenUntilDone()
    {
        var butler = bed.Dataverse.CreateUser("管家 Butler");
        var first = bed.Data.OwnerWithButler("2026-03-01", butler);
        var second = bed.Data.OwnerWithButler("2026-03-01", butler);
        bed.Today("2026-03-01");

        var one = bed.Run(pageSize: 1, budgetSeconds: 0);
        Assert.True((bool)one.Results[RunCarePlannerPlugin.MoreRecordsOutput]);
        var two = bed.Run(pageSize: 1, budgetSeconds: 0, token: (string)one.Results[RunCarePlannerPlugin.ContinuationTokenOutput]);

        Assert.Equal(1, one.Results[RunCarePlannerPlugin.TasksCreatedOutput]);
        Assert.Equal(1, two.Results[RunCarePlannerPlugin.TasksCreatedOutput]);
        Assert.Single(bed.Tasks(first));
        Assert.Single(bed.Tasks(second));
    }
}
