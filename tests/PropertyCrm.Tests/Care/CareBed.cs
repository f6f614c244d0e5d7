using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Care;

/// <summary>The care planner's acts and reads: the clock on a China date, the Custom API, the tasks and occasions it wrote.</summary>
internal sealed class CareBed : DataverseTestBase
{
    /// <summary>Moves the clock to 10:00 China time on <paramref name="date"/>.</summary>
    public void Today(string date) => Dataverse.Clock.SetClock(DataProducer.At(date));

    public OrganizationResponse Run(int? pageSize = null, int? budgetSeconds = null, string? token = null)
    {
        var request = new OrganizationRequest(RunCarePlannerPlugin.ApiName);
        if (pageSize.HasValue)
        {
            request[RunCarePlannerPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunCarePlannerPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token != null)
        {
            request[RunCarePlannerPlugin.ContinuationTokenParameter] = token;
        }

        return Dataverse.Service.Execute(request);
    }

    /// <summary>Runs the planner once a day from <paramref name="from"/> through <paramref name="to"/> (ISO dates).</summary>
    public int RunDaily(string from, string to)
    {
        var created = 0;
        for (var day = DataProducer.DateOnly(from); day <= DataProducer.DateOnly(to); day = day.AddDays(1))
        {
            Today(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            created += (int)Run().Results[RunCarePlannerPlugin.TasksCreatedOutput];
        }

        return created;
    }

    /// <summary>The owner's tasks (regarding the contact), by due time.</summary>
    public IReadOnlyList<Entity> Tasks(Guid owner) =>
        Dataverse.PeekAll(TaskActivity.LogicalName)
            .Where(t => t.GetAttributeValue<EntityReference>(TaskActivity.RegardingObjectId)?.Id == owner)
            .OrderBy(t => t.GetAttributeValue<DateTime>(TaskActivity.ScheduledEnd))
            .ToList();

    public IReadOnlyList<Entity> Occasions(Guid owner) =>
        Dataverse.PeekAll(CareOccasionTable.LogicalName)
            .Where(o => o.GetAttributeValue<EntityReference>(CareOccasionTable.Columns.Contact)?.Id == owner)
            .ToList();

    /// <summary>The China date a task is due on (its scheduledend is 18:00 China time that day).</summary>
    public static string DueDay(Entity task) =>
        task.GetAttributeValue<DateTime>(TaskActivity.ScheduledEnd).AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
