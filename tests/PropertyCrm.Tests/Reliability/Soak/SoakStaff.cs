using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
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
    public SoakActivity(string name, int weight, Action<SoakWorld, IOrganizationService, Guid, Random> run)
    {
        Name = name;
        Weight = weight;
        Run = run;
    }

    public string Name { get; }

    public int Weight { get; }

    /// <summary>(world, the staff member's service, their user id, their thread's generator).</summary>
    public Action<SoakWorld, IOrganizationService, Guid, Random> Run { get; }
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
/// work on concurrently adds its activities here (the 回访 follow-up table being built in parallel adds a
/// "record survey" activity for its follow-up agents, and its invariants to <see cref="SoakInvariants"/>); until then
/// follow-up agents record satisfaction on the request itself and close it, as the request lifecycle does today.
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
            new SoakActivity("record satisfaction and close", 3, RecordSatisfaction),
            new SoakActivity("move request on", 1, MoveRequestOn)),
    };

    private static void LogRequest(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var owner = world.Owner(random);
        var emergency = random.Next(4) == 0;
        var row = new Entity(ServiceRequestTable.LogicalName)
        {
            [Requests.Name] = emergency ? "厨房水管爆管漏水 burst pipe" : "门锁损坏 broken lock",
            [Requests.RequestType] = new OptionSetValue(random.Next(5) == 0 ? Choices.RequestType.Complaint : Choices.RequestType.Repair),
            [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            [Requests.Property] = new EntityReference(PropertyTable.LogicalName, world.Property),
            [Requests.Unit] = new EntityReference(UnitTable.LogicalName, world.UnitOf(owner)),
            [Requests.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        };
        world.Attempt("log request", random, () => world.Requests.Add(service.Create(row)));
    }

    private static void Redeem(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var redemption = DataProducer.NewRedemption(world.Owner(random), world.Reward(random), quantity: 1);
        world.Attempt("redeem", random, () => world.Redemptions.Add(service.Create(redemption)));
    }

    private static void RedeemByApi(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var request = new OrganizationRequest(RedeemRewardPlugin.ApiName)
        {
            [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, world.Owner(random)),
            [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, world.Reward(random)),
            [RedeemRewardPlugin.QuantityParameter] = 1,
        };
        world.Attempt("redeem via API", random, () => world.Redemptions.Add((Guid)service.Execute(request).Results[RedeemRewardPlugin.RedemptionOutput]));
    }

    private static void CancelRedemption(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Redemptions.Pick(random) is not Guid redemption)
        {
            return;
        }

        world.Attempt("cancel redemption", random, () => service.Update(new Entity(RedemptionTable.LogicalName, redemption)
        {
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(RedemptionTable.StatusReasons.Cancelled),
        }));
    }

    private static void AwardSurveyPoints(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        // The same survey may be submitted twice (a double click, a retried flow): the award is idempotent on its source.
        var request = new OrganizationRequest(AwardPointsPlugin.ApiName)
        {
            [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, world.Owner(random)),
            [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Choices.EarnRule.SurveyCompleted),
            [AwardPointsPlugin.SourceIdParameter] = "survey-" + random.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        world.Attempt("award survey points", random, () => service.Execute(request));
    }

    private static void MoveRequestOn(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Requests.Pick(random) is not Guid request)
        {
            return;
        }

        world.Attempt("move request on", random, () =>
        {
            var status = service.Retrieve(ServiceRequestTable.LogicalName, request, new ColumnSet(Requests.StatusCode)).GetAttributeValue<OptionSetValue>(Requests.StatusCode).Value;
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
                service.Update(new Entity(ServiceRequestTable.LogicalName, request) { [Requests.StatusCode] = new OptionSetValue(to) });
            }
        });
    }

    private static void RecordPayment(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        var owner = world.Owner(random);
        var bill = world.Bill(owner, random);
        var payment = DataProducer.NewPayment(bill, 100m, world.Dataverse.Clock.UtcNow);
        payment[FeePaymentTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
        world.Attempt("record payment", random, () => world.Payments.Add(service.Create(payment)));
    }

    private static void DeletePayment(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Payments.Pick(random) is not Guid payment)
        {
            return;
        }

        world.Attempt("delete payment", random, () =>
        {
            service.Delete(FeePaymentTable.LogicalName, payment);
            world.Payments.Remove(payment);
        });
    }

    private static void RecordSatisfaction(SoakWorld world, IOrganizationService service, Guid user, Random random)
    {
        if (world.Requests.Pick(random) is not Guid request)
        {
            return;
        }

        world.Attempt("record satisfaction", random, () =>
        {
            var status = service.Retrieve(ServiceRequestTable.LogicalName, request, new ColumnSet(Requests.StatusCode)).GetAttributeValue<OptionSetValue>(Requests.StatusCode).Value;
            if (status != Status.Resolved)
            {
                return;
            }

            service.Update(new Entity(ServiceRequestTable.LogicalName, request)
            {
                [Requests.Satisfaction] = new OptionSetValue(Choices.Satisfaction.VeryDissatisfied + random.Next(5)),
                [Requests.FollowUpOn] = world.Dataverse.Clock.UtcNow,
                [Requests.FollowUpBy] = new EntityReference(PlatformTables.SystemUser, user),
                [Requests.FollowUpNotes] = "电话回访 / phone follow-up",
                [Requests.StateCode] = new OptionSetValue(ServiceRequestTable.States.Inactive),
                [Requests.StatusCode] = new OptionSetValue(Status.Closed),
            });
        });
    }
}
