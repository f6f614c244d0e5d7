using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Issue 13: 独居老人 — an elderly owner living alone gets the highest urgency, within the request's budget of ≤ 2 reads and 0 writes.</summary>
public sealed class LivingAloneUrgencyTests
{
    [Fact]
    public void Create_OwnerLivesAloneAndTextUrgent_EmergencyWithinTwoReadsNoWrite()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);

        var id = bed.Log(Type.Repair, "家里停水了", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal(Choices.Urgency.Emergency, bed.Option(id, Columns.Urgency));
        Assert.True(bed.Row(id).GetAttributeValue<bool>(Columns.OwnerLivesAlone));
        Assert.Equal("24x7", bed.Row(id).GetAttributeValue<string>(Columns.ResolutionCalendar));
        Assert.True(bed.Dataverse.LastExecution.PluginCalls.Reads <= 2, bed.Dataverse.LastExecution.PluginCalls.ToString());
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Create_OwnerLivesAloneCallsForHelp_Emergency()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);

        var id = bed.Log(Type.Help, "请来家里看看", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal(Choices.Urgency.Emergency, bed.Option(id, Columns.Urgency));
    }

    [Fact]
    public void Create_OtherOwnerSameText_UrgentOnly()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();

        var id = bed.Log(Type.Repair, "家里停水了", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal(Choices.Urgency.Urgent, bed.Option(id, Columns.Urgency));
        Assert.False(bed.Row(id).GetAttributeValue<bool>(Columns.OwnerLivesAlone));
    }

    [Fact]
    public void Create_OwnerLivesAlonePlainRepair_StaysNormal()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);

        var id = bed.Log(Type.Repair, "门锁坏了", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal(Choices.Urgency.Normal, bed.Option(id, Columns.Urgency));
    }

    [Fact]
    public void Create_AgentSetUrgency_AgentChoiceStands()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);

        var id = bed.Log(Type.Help, "请来家里看看", agentUrgency: Choices.Urgency.Urgent, more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal(Choices.Urgency.Urgent, bed.Option(id, Columns.Urgency));
    }

    [Fact]
    public void Update_TypeBecomesHelpForOwnerLivingAlone_Emergency()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);
        var id = bed.Log(Type.Inquiry, "请来家里看看", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));
        Assert.Equal(Choices.Urgency.Normal, bed.Option(id, Columns.Urgency));

        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.RequestType] = new OptionSetValue(Type.Help) });

        Assert.Equal(Choices.Urgency.Emergency, bed.Option(id, Columns.Urgency));
    }

    [Fact]
    public void HouseholdLifecycle_ContactFlagFollowsActiveHousehold()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();
        var household = bed.Dataverse.Service.Create(NewHousehold(owner, livesAlone: false));
        Assert.False(Flag(bed, owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);

        bed.Dataverse.Service.Update(new Entity(HouseholdTable.LogicalName, household) { [HouseholdTable.Columns.LivesAlone] = true });
        Assert.True(Flag(bed, owner));
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Writes);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Reads);

        bed.Dataverse.Service.Update(new Entity(HouseholdTable.LogicalName, household) { [HouseholdTable.Columns.HouseholdSize] = 1 });
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);

        bed.Dataverse.Service.Update(new Entity(HouseholdTable.LogicalName, household)
        {
            [HouseholdTable.Columns.StateCode] = new OptionSetValue(1),
            [HouseholdTable.Columns.StatusCode] = new OptionSetValue(2),
        });
        Assert.False(Flag(bed, owner));

        bed.Dataverse.Service.Update(new Entity(HouseholdTable.LogicalName, household)
        {
            [HouseholdTable.Columns.StateCode] = new OptionSetValue(0),
            [HouseholdTable.Columns.StatusCode] = new OptionSetValue(1),
        });
        Assert.True(Flag(bed, owner));

        bed.Dataverse.Service.Delete(HouseholdTable.LogicalName, household);
        Assert.False(Flag(bed, owner));
    }

    [Fact]
    public void HouseholdMovesToAnotherOwner_BothFlagsFollow()
    {
        using var bed = new SlaTestBed();
        var first = bed.Data.Owner();
        var second = bed.Data.Owner();
        var household = bed.Dataverse.Service.Create(NewHousehold(first, livesAlone: true));

        bed.Dataverse.Service.Update(new Entity(HouseholdTable.LogicalName, household) { [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, second) });

        Assert.False(Flag(bed, first));
        Assert.True(Flag(bed, second));
    }

    [Fact]
    public void ContactFlag_DirectEdit_Refused()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();

        var fault = Assert.ThrowsAny<Exception>(() => bed.AgentService.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.ElderlyLivingAlone] = true }));

        Assert.Contains("/", fault.Message, StringComparison.Ordinal);
        Assert.False(Flag(bed, owner));
    }

    [Fact]
    public void EraseOwner_LivingAloneHousehold_DeletedWithOwner()
    {
        using var bed = new SlaTestBed();
        var owner = LivingAloneOwner(bed);

        bed.Dataverse.Service.Delete(ContactTable.LogicalName, owner);

        Assert.Null(bed.Dataverse.Peek(ContactTable.LogicalName, owner));
    }

    private static Guid LivingAloneOwner(SlaTestBed bed)
    {
        var owner = bed.Data.Owner();
        bed.Dataverse.Service.Create(NewHousehold(owner, livesAlone: true));
        Assert.True(Flag(bed, owner));
        return owner;
    }

    private static Entity NewHousehold(Guid owner, bool livesAlone) => new(HouseholdTable.LogicalName)
    {
        [HouseholdTable.Columns.Name] = "家庭 / Household",
        [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [HouseholdTable.Columns.LivesAlone] = livesAlone,
    };

    private static bool Flag(SlaTestBed bed, Guid owner) =>
        bed.Dataverse.Peek(ContactTable.LogicalName, owner)?.GetAttributeValue<bool?>(ContactTable.Columns.ElderlyLivingAlone) == true;
}
