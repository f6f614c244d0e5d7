using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>One kind of work a staff member does, with how often (weight) it comes up in their day.</summary>
internal sealed class SoakActivity
{
    public SoakActivity(string name, int weight, Func<SoakWorld, IOrganizationService, Guid, Random, bool> run)
    {
        Name = name;
        Weight = weight;
        Run = run;
    }

    public string Name { get; }

    public int Weight { get; }

    /// <summary>
    /// (world, the staff member's service, their user id, their thread's generator) → false when there was nothing to work
    /// on yet (no request, redemption or payment exists): the thread waits a moment instead of spending an operation on it.
    /// </summary>
    public Func<SoakWorld, IOrganizationService, Guid, Random, bool> Run { get; }
}

/// <summary>A staff role of the soak: its name and its activities.</summary>
internal sealed class SoakRole
{
    public SoakRole(string name, params SoakActivity[] activities)
    {
        Name = name;
        Activities = activities;
    }

    public string Name { get; }

    public IReadOnlyList<SoakActivity> Activities { get; }

    public SoakActivity Choose(Random random)
    {
        var roll = random.Next(Activities.Sum(a => a.Weight));
        foreach (var activity in Activities)
        {
            roll -= activity.Weight;
            if (roll < 0)
            {
                return activity;
            }
        }

        return Activities[Activities.Count - 1];
    }
}

/// <summary>
/// The staff of the soak: thread i works as <c>Roles[i % Roles.Count]</c>. <b>Extension point:</b> a new table staff
/// work on concurrently adds its activities here and its invariants to <see cref="SoakInvariants"/>. Follow-up agents
/// take a request from the 待回访 queue (<see cref="SoakWorld.Resolved"/>) and record its 回访 while it is resolved
/// (through <c>pcrm_RecordFollowUp</c> or the 回访 form's save), never one of a request they resolved themselves; the 回访
/// loop closes or reopens the request. A thread with nothing to work on yet waits instead of spending an operation.
/// </summary>
internal static class SoakStaff
{
    public static IReadOnlyList<SoakRole> Roles { get; } = new[]
    {
        new SoakRole(
            "客服 agent",
            new SoakActivity("log request", 6, LogRequest),
            new SoakActivity("redeem reward", 3, Redeem),
            new SoakActivity("redeem reward via API", 1, RedeemByApi),
            new SoakActivity("cancel redemption", 1, CancelRedemption),
            new SoakActivity("award survey points", 1, AwardSurveyPoints)),
        new SoakRole(
            "维修 technician",
            new SoakActivity("move request on", 5, MoveRequestOn),
            new SoakActivity("log request", 1, LogRequest)),
        new SoakRole(
            "项目经理 property manager",
            new SoakActivity("record payment", 4, RecordPayment),
            new SoakActivity("delete payment", 1, DeletePayment)),
        new SoakRole(
            "回访 follow-up agent",
            new SoakActivity("record 回访", 3, RecordFollowUp),
            new SoakActivity("move request on", 1, MoveRequestOn)),
    };

    private static bool LogRequest(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var owner = world.Owner(random);
        var emergency = random.Next(4) == 0;
        var complaint = random.Next(5) == 0;
        var row = new Entity(ServiceRequestTable.LogicalName)
        {
            [Requests.Name] = complaint ? "楼上装修噪音扰民 renovation noise upstairs" : emergency ? "厨房水管爆管漏水 burst pipe" : "门锁损坏 broken lock",
            [Requests.RequestType] = new OptionSetValue(complaint ? Choices.RequestType.Complaint : Choices.RequestType.Repair),
            [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            [Requests.Property] = new EntityReference(PropertyTable.LogicalName, world.Property),
            [Requests.Unit] = new EntityReference(UnitTable.LogicalName, world.UnitOf(owner)),
            [Requests.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        };
        if (complaint)
        {
            // The agent records a complaint's cause when logging it; a complaint cannot be resolved without one.
            row[Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise);
        }

        world.Attempt("log request", random, () => world.Requests.Add(service.Create(row)));
        return true;
    }

    private static bool Redeem(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var redemption = DataProducer.NewRedemption(world.Owner(random), world.Reward(random), quantity: 1);
        world.Attempt("redeem", random, () => world.Redemptions.Add(service.Create(redemption)));
        return true;
    }

    private static bool RedeemByApi(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var request = new OrganizationRequest(RedeemRewardPlugin.ApiName)
        {
            [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, world.Owner(random)),
            [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, world.Reward(random)),
            [RedeemRewardPlugin.QuantityParameter] = 1,
        };
        world.Attempt("redeem via API", random, () => world.Redemptions.Add((Guid)service.Execute(request).Results[RedeemRewardPlugin.RedemptionOutput]));
        return true;
    }

    private static bool CancelRedemption(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Redemptions.Pick(random) is not Guid redemption)
        {
            return false;
        }

        world.Attempt("cancel redemption", random, () => service.Update(new Entity(RedemptionTable.LogicalName, redemption)
        {
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(RedemptionTable.StatusReasons.Cancelled),
        }));
        return true;
    }

    private static bool AwardSurveyPoints(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        // The same survey may be submitted twice (a double click, a retried flow): the award is idempotent on its source.
        var request = new OrganizationRequest(AwardPointsPlugin.ApiName)
        {
            [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, world.Owner(random)),
            [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Choices.EarnRule.SurveyCompleted),
            [AwardPointsPlugin.SourceIdParameter] = "survey-" + random.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        world.Attempt("award survey points", random, () => service.Execute(request));
        return true;
    }

    private static bool MoveRequestOn(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Requests.Pick(random) is not Guid request)
        {
            return false;
        }

        world.Attempt("move request on", random, () =>
        {
            var row = service.Retrieve(ServiceRequestTable.LogicalName, request, new ColumnSet(Requests.StatusCode, Requests.RequestType));
            var status = row.GetAttributeValue<OptionSetValue>(Requests.StatusCode).Value;
            int? next = status switch
            {
                Status.New => Status.Accepted,
                Status.Accepted or Status.Dispatched => Status.InProgress,
                Status.InProgress => random.Next(6) == 0 ? Status.WaitingOnOwner : Status.Resolved,
                Status.WaitingOnOwner => Status.InProgress,
                _ => null,
            };
            if (next is int to)
            {
                var update = new Entity(ServiceRequestTable.LogicalName, request) { [Requests.StatusCode] = new OptionSetValue(to) };
                if (to == Status.Resolved && row.GetAttributeValue<OptionSetValue>(Requests.RequestType)?.Value == Choices.RequestType.Repair)
                {
                    // A repair is resolved with its work done on record (维修记录), as the technician's form requires.
                    update[Requests.WorkDone] = "更换门锁锁芯,试开正常 / Replaced the lock cylinder; opens normally.";
                }

                service.Update(update);
                if (to == Status.Resolved)
                {
                    world.Resolved.Add(request);
                }
            }
        });
        return true;
    }

    private static bool RecordPayment(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var owner = world.Owner(random);
        var bill = world.Bill(owner, random);
        var payment = DataProducer.NewPayment(bill, 100m, world.Dataverse.Clock.UtcNow);
        payment[FeePaymentTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
        world.Attempt("record payment", random, () => world.Payments.Add(service.Create(payment)));
        return true;
    }

    private static bool DeletePayment(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Payments.Pick(random) is not Guid payment)
        {
            return false;
        }

        world.Attempt("delete payment", random, () =>
        {
            service.Delete(FeePaymentTable.LogicalName, payment);
            world.Payments.Remove(payment);
        });
        return true;
    }

    // The 回访 call of a resolved request, by someone other than its resolver: mostly verified fixed with a survey answer
    // (closes the request), sometimes not fixed (返工: back to 处理中), sometimes the owner is not reached. Half through
    // pcrm_RecordFollowUp, half as the 回访 form's save.
    private static bool RecordFollowUp(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Resolved.Pick(random) is not Guid request)
        {
            return false;
        }

        world.Attempt("record 回访", random, () =>
        {
            var row = service.Retrieve(ServiceRequestTable.LogicalName, request, new ColumnSet(Requests.StatusCode, Requests.LastFollowUp));
            if (row.GetAttributeValue<OptionSetValue>(Requests.StatusCode).Value != Status.Resolved || row.GetAttributeValue<EntityReference>(Requests.LastFollowUp) is not { } last)
            {
                world.Resolved.Remove(request);
                return;
            }

            var followUp = service.Retrieve(FollowUpTable.LogicalName, last.Id, new ColumnSet(FollowUpTable.Columns.StatusCode, FollowUpTable.Columns.ResolvedBy));
            if (followUp.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.StatusCode)?.Value != FollowUpTable.StatusReasons.Pending
                || followUp.GetAttributeValue<EntityReference>(FollowUpTable.Columns.ResolvedBy)?.Id == user)
            {
                return;
            }

            var roll = random.Next(20);
            var attemptFailed = roll == 0;
            int? verification = attemptFailed ? null : roll <= 3 ? Choices.FixVerification.NotFixed : Choices.FixVerification.Fixed;
            var satisfaction = Choices.Satisfaction.VeryDissatisfied + random.Next(5);
            var nps = random.Next(11);
            if (random.Next(2) == 0)
            {
                var call = new OrganizationRequest(RecordFollowUpPlugin.ApiName)
                {
                    [RecordFollowUpPlugin.FollowUpParameter] = last,
                    [RecordFollowUpPlugin.ChannelParameter] = new OptionSetValue(Choices.FollowUpChannel.Phone),
                };
                if (attemptFailed)
                {
                    call[RecordFollowUpPlugin.AttemptFailedParameter] = true;
                }
                else
                {
                    call[RecordFollowUpPlugin.VerificationParameter] = new OptionSetValue(verification!.Value);
                    call[RecordFollowUpPlugin.SatisfactionParameter] = new OptionSetValue(satisfaction);
                    call[RecordFollowUpPlugin.NpsParameter] = nps;
                    call[RecordFollowUpPlugin.CommentParameter] = "电话回访 / phone follow-up";
                }

                service.Execute(call);
                return;
            }

            if (attemptFailed)
            {
                return;
            }

            service.Update(new Entity(FollowUpTable.LogicalName, last.Id)
            {
                [FollowUpTable.Columns.Verification] = new OptionSetValue(verification!.Value),
                [FollowUpTable.Columns.Satisfaction] = new OptionSetValue(satisfaction),
                [FollowUpTable.Columns.Nps] = nps,
                [FollowUpTable.Columns.Channel] = new OptionSetValue(Choices.FollowUpChannel.Phone),
                [FollowUpTable.Columns.Comment] = "电话回访 / phone follow-up",
                [FollowUpTable.Columns.StateCode] = new OptionSetValue(FollowUpTable.States.Inactive),
                [FollowUpTable.Columns.StatusCode] = new OptionSetValue(FollowUpTable.StatusReasons.Completed),
            });
        });
        return true;
    }
}
