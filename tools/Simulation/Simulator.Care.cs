using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Retention = PropertyCrm.Schema.Tables.RetentionCaseTable.Columns;

namespace PropertyCrm.Simulation;

/// <summary>
/// The care planner (<c>pcrm_RunCarePlanner</c>: care tasks, the 催缴 ladder, retention cases, owner tags) on its schedule,
/// and what people do with its work: the butler contacts the owner of a retention case, writes a plan and closes it with an
/// outcome days later (six in ten retained); an owner who gets a 催缴 reminder, a butler's call or a visit for a bill they were
/// not going to pay pays it with some probability, and a retained owner settles an unpaid bill more often than not.
/// </summary>
public sealed partial class Simulator
{
    /// <summary>
    /// Days between planner runs. Production runs it daily; every <see cref="CarePlannerEveryDays"/> days stays inside the
    /// planner's 7-day catch-up (<c>CollectionLadderRules.CatchUpDays</c>, <c>LifeEventRules.CatchUpDays</c>), so no rung or
    /// care event is skipped, only done up to a few days later (README, <c>pcrm simulate</c>).
    /// </summary>
    public const int CarePlannerEveryDays = 7;

    private const double RetainedShare = 0.6;

    private readonly Dictionary<Guid, UnpaidBill> unpaidBills = new();
    private readonly HashSet<Guid> seenMessages = new();
    private readonly HashSet<Guid> seenOccasions = new();
    private readonly HashSet<Guid> seenRetentionCases = new();
    private int careRuns;

    /// <summary>A bill its owner is not going to pay on their own (no payment scheduled).</summary>
    private sealed record UnpaidBill(SimProperty Property, Guid Owner, decimal Amount);

    private void ScheduleCarePlanner(DateTime dayStartUtc)
    {
        // 02:30 China time: after the lifecycle review (01:30) and the tier review (02:00), as production schedules it.
        if (careRuns++ % CarePlannerEveryDays == 0)
        {
            At(dayStartUtc.AddHours(2.5), CarePlanner);
        }
    }

    private void CarePlanner()
    {
        Sweep("25 关怀计划 care planner", RunCarePlannerPlugin.ApiName, null);
        ReadReminders();
        ReadCollectionTasks();
        ReadRetentionCases();
    }

    /// <summary>The owner's answer to a 催缴 reminder (an SMS service notice): one in four pays a bill they had let go.</summary>
    private void ReadReminders()
    {
        if (dataverse.Count(OwnerMessageTable.LogicalName) == seenMessages.Count)
        {
            return;
        }

        foreach (var message in dataverse.PeekAll(OwnerMessageTable.LogicalName))
        {
            if (seenMessages.Add(message.Id) && message.GetAttributeValue<EntityReference>(OwnerMessageTable.Columns.FeeBill) is { } bill)
            {
                MaybePay(bill.Id, 0.25, 1, 10);
            }
        }
    }

    /// <summary>The butler's 催缴 call (one in three then pays) and visit (one in two), keyed "owner|event|bill".</summary>
    private void ReadCollectionTasks()
    {
        if (dataverse.Count(CareOccasionTable.LogicalName) == seenOccasions.Count)
        {
            return;
        }

        foreach (var occasion in dataverse.PeekAll(CareOccasionTable.LogicalName))
        {
            if (!seenOccasions.Add(occasion.Id))
            {
                continue;
            }

            if (CollectionWork.TryReadTaskKey(occasion.GetAttributeValue<string>(CareOccasionTable.Columns.Key), out var kind, out var bill))
            {
                if (kind == SuggestedActionKind.CollectionCall)
                {
                    MaybePay(bill, 0.33, 2, 12);
                }
                else if (kind == SuggestedActionKind.CollectionVisit)
                {
                    MaybePay(bill, 0.5, 3, 15);
                }
            }
        }
    }

    private void MaybePay(Guid bill, double probability, int fromDays, int toDays)
    {
        if (unpaidBills.TryGetValue(bill, out var unpaid) && random.NextDouble() < probability)
        {
            unpaidBills.Remove(bill);
            At(Now.AddDays(random.Next(fromDays, toDays)).AddHours(random.Next(0, 12)), () => Pay(unpaid.Property, bill, unpaid.Amount));
        }
    }

    /// <summary>New retention cases: their butler contacts the owner within about two days and closes the case days later.</summary>
    private void ReadRetentionCases()
    {
        if (dataverse.Count(RetentionCaseTable.LogicalName) == seenRetentionCases.Count)
        {
            return;
        }

        foreach (var row in dataverse.PeekAll(RetentionCaseTable.LogicalName))
        {
            if (!seenRetentionCases.Add(row.Id) || row.GetAttributeValue<OptionSetValue>(Retention.StatusCode)?.Value != RetentionCaseTable.StatusReasons.Open)
            {
                continue;
            }

            var id = row.Id;
            var butler = row.GetAttributeValue<EntityReference>(Retention.OwnerId).Id;
            var owner = row.GetAttributeValue<EntityReference>(Retention.Contact).Id;
            At(Now.AddHours(random.Next(7, 44)), () => ContactRetention(id, butler, owner));
        }
    }

    private void ContactRetention(Guid id, Guid butler, Guid owner)
    {
        var plans = new[]
        {
            "上门沟通,了解不满;每周回访一次 / visit, hear the complaint, call weekly",
            "电话沟通,安排专人跟进欠费与报修 / call, a named contact for arrears and repairs",
            "邀请参加社区活动,赠送积分 / invite to community events, bonus points",
        };
        var contacted = new Entity(RetentionCaseTable.LogicalName, id)
        {
            [Retention.ContactedOn] = Now,
            [Retention.Plan] = plans[random.Next(plans.Length)],
        };
        if (!Update("26 挽留沟通 retention contact", butler, contacted))
        {
            return;
        }

        At(Now.AddDays(random.Next(3, 15)).AddHours(random.Next(0, 8)), () => CloseRetention(id, butler, owner));
    }

    private void CloseRetention(Guid id, Guid butler, Guid owner)
    {
        var retained = random.NextDouble() < RetainedShare;
        var closed = new Entity(RetentionCaseTable.LogicalName, id)
        {
            [Retention.Outcome] = new OptionSetValue(retained ? Choices.RetentionOutcome.Retained : Choices.RetentionOutcome.Left),
            [Retention.OutcomeNotes] = retained ? "业主认可改进计划 / owner accepted the plan" : "业主决定不续 / owner is leaving",
            [Retention.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
        };
        if (!Update("27 挽留结案 retention outcome", butler, closed) || !retained)
        {
            return;
        }

        // A retained owner settles a bill they had let go, more often than not.
        foreach (var pair in new List<KeyValuePair<Guid, UnpaidBill>>(unpaidBills))
        {
            if (pair.Value.Owner == owner && random.NextDouble() < 0.6)
            {
                unpaidBills.Remove(pair.Key);
                At(Now.AddDays(random.Next(1, 7)).AddHours(random.Next(0, 12)), () => Pay(pair.Value.Property, pair.Key, pair.Value.Amount));
            }
        }
    }
}
