using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Message = PropertyCrm.Schema.Tables.OwnerMessageTable.Columns;
using Retention = PropertyCrm.Schema.Tables.RetentionCaseTable.Columns;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// 催缴 and 挽留 by role, in 阳光花园's child business unit: the admin's daily planner opens the retention case and the
/// fee reminder for the owner's butler (an agent); the butler records the contact and the plan and closes the case only
/// with an outcome, and writes service notices but no marketing without the owner's consent; the property manager reads
/// and reassigns the case; 品质部 reads it; the agent of another property and the technician cannot reach it.
/// </summary>
public sealed class RetentionPersonaTests
{
    [Fact]
    public void Butler_WorksTheRetentionCaseThePlannerOpened_ClosesOnlyWithAnOutcome()
    {
        using var world = new PersonaWorld();
        var (owner, retention) = Planned(world);

        Assert.Contains(retention, world.Visible(world.Agent, RetentionCaseTable.LogicalName));
        var reminder = Assert.Single(world.Visible(world.Agent, OwnerMessageTable.LogicalName));
        Assert.Equal(owner, world.Dataverse.Row(OwnerMessageTable.LogicalName, reminder).Get<EntityReference>(Message.Contact).Id);

        world.As(world.Agent).Update(new Entity(RetentionCaseTable.LogicalName, retention)
        {
            [Retention.ContactedOn] = world.Dataverse.Clock.UtcNow,
            [Retention.Plan] = "上门沟通,了解对维修响应的不满;减免一个月滞纳金,每周回访一次 / visit, hear the complaint about repairs, waive a month's late fee, call weekly",
        });
        var fault = Assert.Throws<DataverseFaultException>(() => world.As(world.Agent).Update(new Entity(RetentionCaseTable.LogicalName, retention)
        {
            [Retention.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
        }));
        Assert.Contains("挽留结果", fault.Message, StringComparison.Ordinal);

        world.As(world.Agent).Update(new Entity(RetentionCaseTable.LogicalName, retention)
        {
            [Retention.Outcome] = new OptionSetValue(Choices.RetentionOutcome.Retained),
            [Retention.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
        });
        var closed = world.Dataverse.Row(RetentionCaseTable.LogicalName, retention);
        Assert.Equal(RetentionCaseTable.States.Inactive, closed.Get<OptionSetValue>(Retention.StateCode).Value);
        Assert.Contains(retention, world.Visible(world.Analyst, RetentionCaseTable.LogicalName));
    }

    [Fact]
    public void Butler_WritesAServiceNotice_MarketingWithoutConsentRefusedAndNothingWritten()
    {
        using var world = new PersonaWorld();
        var owner = world.SunshineOwner;

        world.As(world.Agent).Create(NewMessage(owner, Choices.MessagePurpose.ServiceNotice));
        var fault = Assert.Throws<DataverseFaultException>(() => world.As(world.Agent).Create(NewMessage(owner, Choices.MessagePurpose.Marketing)));

        Assert.Contains("营销", fault.Message, StringComparison.Ordinal);
        Assert.Contains("marketing consent", fault.Message, StringComparison.Ordinal);
        Assert.Single(world.Dataverse.PeekAll(OwnerMessageTable.LogicalName));
    }

    [Fact]
    public void PropertyManager_ReassignsTheCase_OtherPropertysAgentAndTechnicianCannotReachIt()
    {
        using var world = new PersonaWorld();
        var (_, retention) = Planned(world);

        Assert.Contains(retention, world.Visible(world.Manager, RetentionCaseTable.LogicalName));
        world.As(world.Manager).Update(new Entity(RetentionCaseTable.LogicalName, retention)
        {
            [Retention.OwnerId] = new EntityReference(PlatformTables.SystemUser, world.Supervisor),
        });
        Assert.Equal(world.Supervisor, world.Dataverse.Row(RetentionCaseTable.LogicalName, retention).Get<EntityReference>(Retention.OwnerId).Id);

        Assert.DoesNotContain(retention, world.Visible(world.JadeAgent, RetentionCaseTable.LogicalName));
        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () => world.As(world.JadeAgent).Update(new Entity(RetentionCaseTable.LogicalName, retention) { [Retention.Plan] = "x" }));
        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.Visible(world.Technician, RetentionCaseTable.LogicalName));
    }

    // An owner of 阳光花园 whose butler is the agent, at churn risk since yesterday, with a bill overdue since yesterday; the
    // admin's daily planner run opens the case and writes the reminder.
    private static (Guid Owner, Guid Retention) Planned(PersonaWorld world)
    {
        world.Dataverse.Clock.SetClock(DataProducer.At("2026-04-02"));
        var owner = world.Owned(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "欠费业主 Owner in arrears",
            [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2024-05-01"),
            [ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, world.Agent),
            [ContactTable.Columns.ChurnRisk] = true,
            [ContactTable.Columns.ChurnRiskSince] = DataProducer.DateOnly("2026-04-01"),
        }, world.SunshineDesk);
        world.Owned(DataProducer.NewOccupancy(owner, world.SunshineUnit, "2024-05-01"), world.SunshineDesk);
        world.Owned(DataProducer.NewBill(owner, 300m, DataProducer.DateOnly("2026-03-31")), world.SunshineDesk);

        world.As(world.Admin).Execute(new OrganizationRequest(RunCarePlannerPlugin.ApiName));

        var retention = Assert.Single(world.Dataverse.PeekAll(RetentionCaseTable.LogicalName)).Id;
        Assert.Equal(world.Agent, world.Dataverse.Row(RetentionCaseTable.LogicalName, retention).Get<EntityReference>(Retention.OwnerId).Id);
        Assert.Equal(world.SunshineProperty, world.Dataverse.Row(RetentionCaseTable.LogicalName, retention).Get<EntityReference>(Retention.Property).Id);
        return (owner, retention);
    }

    private static Entity NewMessage(Guid owner, int purpose) => new(OwnerMessageTable.LogicalName)
    {
        [Message.Name] = "停水通知 / Water outage notice",
        [Message.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [Message.Purpose] = new OptionSetValue(purpose),
        [Message.Channel] = new OptionSetValue(Choices.MessageChannel.Sms),
        [Message.Text] = "【物业服务通知】4 月 3 日 9:00-12:00 停水检修,请提前储水。",
        [Message.DeliveryStatus] = new OptionSetValue(Choices.MessageDeliveryStatus.Pending),
    };
}
