using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Tags;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The daily care planner behind <c>pcrm_RunCarePlanner</c>: for each owner in scope, the life events and care-rule
/// actions due (<see cref="CarePlanner"/>) become Task activities for the owner's butler, regarding the owner, each
/// recorded once as a <c>pcrm_careoccasion</c> row keyed on owner + event + occasion.
/// </summary>
/// <remarks>
/// <para><b>Once per occasion.</b> Before creating anything for an owner the planner reads which of the owner's
/// occasion keys already have a row (one query on the key); it creates the task and then the occasion row (alternate
/// key <c>pcrm_careoccasion_key</c>) for the others only. Calls of the planner run one after the other (the
/// <c>care-planner</c> job lock), so two runs cannot both find a key missing; if anything else ever did, the key's
/// unique index refuses the second row and that call rolls back whole (no task without its occasion). The occasion row
/// outlives its task: a butler who deletes a task does not get it again the next morning.</para>
/// <para><b>Who.</b> The task and the occasion row belong to the owner's butler (<c>pcrm_butlerid</c>); an owner without
/// one gets them owned like the contact, traced, so the property's staff still see them.</para>
/// <para><b>Fee collection and retention.</b> The same bill query gives the 催缴 ladder its bills (<see cref="CollectionWork"/>):
/// the call and visit become tasks like the care events (their occasion keys read with the others), a reminder a service
/// notice; an owner at churn risk gets the episode's retention case.</para>
/// <para><b>Calls per page.</b> 2 + 3 reads (the owners; occupancies, households and the requests of the last 180 days,
/// one query each for the page); per owner 1 read (the bills and payments, for the care rules and the ladder), + 1 read when
/// a task is due (the keys), + 2 writes per task created (task, occasion); + 1 read when a reminder is due (its key) and 1
/// write per reminder; for an owner at churn risk + 1 read (the case key), and + 1 read (property) and 1 write when the
/// case is new.</para>
/// <para><b>Owner tags.</b> Each page also runs the owner tag step (<see cref="OwnerTagStep"/>): 6 reads per page (the rule
/// tags, members, tenancies, check-ins, suggestions, current links; 12 tag creations on the very first run) and per owner
/// at most 1 Associate and 1 Disassociate.</para>
/// </remarks>
public static class CarePlannerSweep
{
    public const string TokenPrefix = "c";

    public const int DefaultPageSize = 100;

    /// <summary>Keeps the page's In lists short.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The due time written on a task: 18:00 China time on its due date, the end of the butler's day.</summary>
    public static readonly TimeSpan DueTimeOfDay = TimeSpan.FromHours(18);

    public static LoyaltySweepResult Run(
        IOrganizationService service,
        CarePolicy policy,
        LifeEventRules lifeEvents,
        CollectionLadderRules ladder,
        DateTimeOffset asOf,
        int pageSize,
        OwnerSweepToken? token,
        ISweepBudget budget,
        Action<string> trace)
    {
        Guard.NotNull(policy, nameof(policy));
        lifeEvents = Guard.NotNull(lifeEvents, nameof(lifeEvents)).Validate();
        ladder = Guard.NotNull(ladder, nameof(ladder)).Validate();
        var day = ChinaDate.FromInstant(asOf);
        var window = Math.Max(policy.Rules.FrequentRepairWindowDays, policy.Rules.LowInteractionWindowDays);
        pageSize = Math.Max(1, Math.Min(pageSize, MaxPageSize));
        var page = CarePage.Empty;
        var created = 0;
        var tagging = new OwnerTagStep(service, OwnerTagPolicy.Default, day, trace);

        var result = OwnerSweepLoop.Run(
            TokenPrefix,
            pageSize,
            token,
            budget,
            checkBudgetBeforePage: true,
            after =>
            {
                page = CarePage.Read(service, pageSize, after, day, window);
                tagging.ReadPage(page);
                return page.Owners;
            },
            owner => owner.Id,
            owner =>
            {
                var tasks = PlanOwner(service, page, owner, day, policy, lifeEvents, ladder, trace);
                created += tasks;
                var links = tagging.Tag(page, owner);
                return tasks > 0 || links > 0;
            });
        return result.WithPoints(created);
    }

    /// <summary>
    /// Plans one owner of the page: care tasks, the 催缴 ladder's reminders and tasks, the retention case; returns the number
    /// of tasks created.
    /// </summary>
    public static int PlanOwner(
        IOrganizationService service,
        CarePage page,
        Entity contact,
        ChinaDate day,
        CarePolicy policy,
        LifeEventRules lifeEvents,
        CollectionLadderRules ladder,
        Action<string> trace)
    {
        var facts = Facts(service, page, contact, day, out var records);
        if (facts is null || records is null)
        {
            trace($"Owner {contact.Id} skipped: no move-in date on the owner or their occupancies.");
            return 0;
        }

        IReadOnlyList<CareOccasion> occasions;
        ChinaDate? riskSince;
        try
        {
            var stage = OptionValues.Read<LifecycleStage>(contact, ContactTable.Columns.LifecycleStage);
            riskSince = contact.GetAttributeValue<bool?>(ContactTable.Columns.ChurnRisk) == true
                && contact.GetAttributeValue<DateTime?>(ContactTable.Columns.ChurnRiskSince) is DateTime since
                ? LifecycleMapping.ToDate(since)
                : null;
            occasions = CarePlanner.Plan(facts, stage, riskSince, day, lifeEvents, policy);
        }
        catch (DomainException ex)
        {
            trace($"Owner {contact.Id} skipped: {ex.Code} {ex.Message}");
            return 0;
        }

        // The 催缴 ladder runs while the owner lives there (after the move-out collection is the finance office's).
        var livesThere = facts.MoveOutOn is not ChinaDate movedOut || movedOut > day;
        var steps = livesThere ? CollectionWork.DueSteps(records, day, ladder) : Array.Empty<CollectionStep>();
        var ownerKey = contact.Id.ToString("N");
        var wanted = occasions.GroupBy(o => o.Key(ownerKey), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var step in steps.Where(s => s.Rung != CollectionRung.Reminder))
        {
            var pair = CollectionWork.TaskOccasion(ownerKey, step, records, day);
            wanted[pair.Key] = pair.Value;
        }

        var atRisk = livesThere && riskSince.HasValue;
        if (wanted.Count == 0 && steps.Count == 0 && !atRisk)
        {
            return 0;
        }

        var butler = contact.GetAttributeValue<EntityReference>(ContactTable.Columns.Butler);
        var assignee = butler is null ? contact.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId) : new EntityReference(butler.LogicalName, butler.Id);
        if (butler is null)
        {
            trace($"Owner {contact.Id} has no butler: care tasks go to the owner's record owner.");
        }

        var created = 0;
        if (wanted.Count > 0)
        {
            var existing = ExistingKeys(service, wanted.Keys);
            foreach (var pair in wanted.Where(p => !existing.Contains(p.Key)))
            {
                CreateTask(service, contact, assignee, pair.Key, pair.Value);
                created++;
                trace($"Owner {contact.Id}: {pair.Value.Action.Kind} for {pair.Value.OccasionOn}, due {pair.Value.Action.DueOn} ({pair.Key}).");
            }
        }

        CollectionWork.WriteReminders(service, contact, assignee, steps, records, trace);
        if (atRisk && riskSince is ChinaDate episode)
        {
            CollectionWork.OpenRetentionCase(service, contact, assignee, episode, day, trace);
        }

        return created;
    }

    private static OwnerFacts? Facts(IOrganizationService service, CarePage page, Entity contact, ChinaDate day, out OwnerFeeRecords? records)
    {
        records = null;
        var recordedMoveIn = contact.GetAttributeValue<DateTime?>(ContactTable.Columns.MoveInDate) is DateTime moveInDate ? FeeMapping.ToDate(moveInDate) : (ChinaDate?)null;
        var spans = page.Occupancies.TryGetValue(contact.Id, out var found) ? found : new List<OccupancySpan>();
        var residence = Residence.Derive(spans, recordedMoveIn, day);
        if (residence.MoveInOn is not ChinaDate moveIn)
        {
            return null;
        }

        page.Households.TryGetValue(contact.Id, out var household);
        var birthDate = DateOnly(household, HouseholdTable.Columns.BirthDate) ?? DateOnly(contact, ContactTable.Columns.BirthDate);
        records = FeeStandingReader.ReadRecords(service, contact.Id, day);
        return new OwnerFacts(moveIn, records.Standing)
        {
            MoveOutOn = residence.MoveOutOn,
            BirthDate = birthDate,
            LivesAlone = household?.GetAttributeValue<bool?>(HouseholdTable.Columns.LivesAlone) == true,
            CheckInIntervalDays = household?.GetAttributeValue<int?>(HouseholdTable.Columns.CheckInIntervalDays),
            NewbornOn = DateOnly(household, HouseholdTable.Columns.NewbornOn),
            ServiceRequests = page.Requests.TryGetValue(contact.Id, out var requests) ? requests : Array.Empty<ServiceRequestFact>() as IReadOnlyList<ServiceRequestFact>,
        };
    }

    private static HashSet<string> ExistingKeys(IOrganizationService service, IEnumerable<string> keys)
    {
        var query = new QueryExpression(CareOccasionTable.LogicalName) { ColumnSet = new ColumnSet(CareOccasionTable.Columns.Key) };
        query.Criteria.AddCondition(CareOccasionTable.Columns.Key, ConditionOperator.In, keys.Cast<object>().ToArray());
        return new HashSet<string>(
            service.RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>(CareOccasionTable.Columns.Key) ?? string.Empty),
            StringComparer.OrdinalIgnoreCase);
    }

    private static void CreateTask(IOrganizationService service, Entity contact, EntityReference? assignee, string key, CareOccasion occasion)
    {
        var action = occasion.Action;
        var name = contact.GetAttributeValue<string>(ContactTable.Columns.FullName) ?? string.Empty;
        var label = CareEventLabels.Of(action.Kind);
        var task = new Entity(TaskActivity.LogicalName)
        {
            [TaskActivity.Subject] = ColumnText.Fit($"{label}:{name}", TaskActivity.SubjectMaxLength),
            [TaskActivity.Description] = ColumnText.Fit(action.Reason, TaskActivity.DescriptionMaxLength),
            [TaskActivity.ScheduledEnd] = action.DueOn.StartInstant.Add(DueTimeOfDay).UtcDateTime,
            [TaskActivity.RegardingObjectId] = new EntityReference(ContactTable.LogicalName, contact.Id),
            [TaskActivity.PriorityCode] = new OptionSetValue(CareEventLabels.PriorityOf(action.Kind)),
            [TaskActivity.Category] = TaskActivity.CareCategory,
        };
        var row = new Entity(CareOccasionTable.LogicalName)
        {
            [CareOccasionTable.Columns.Name] = ColumnText.Fit($"{label} {occasion.OccasionOn}:{name}", CareOccasionTable.MaxLengths.Name),
            [CareOccasionTable.Columns.Key] = key,
            [CareOccasionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact.Id),
            [CareOccasionTable.Columns.Event] = OptionValues.ToOption(action.Kind),
            [CareOccasionTable.Columns.OccasionOn] = FeeMapping.FromDate(occasion.OccasionOn),
            [CareOccasionTable.Columns.DueOn] = FeeMapping.FromDate(action.DueOn),
        };
        if (assignee is not null)
        {
            task[TaskActivity.OwnerId] = assignee;
            row[CareOccasionTable.Columns.OwnerId] = assignee;
        }

        var taskId = service.Create(task);
        row[CareOccasionTable.Columns.Task] = new EntityReference(TaskActivity.LogicalName, taskId);
        service.Create(row);
    }

    private static ChinaDate? DateOnly(Entity? row, string column) =>
        row?.GetAttributeValue<DateTime?>(column) is DateTime value ? FeeMapping.ToDate(value) : null;
}
