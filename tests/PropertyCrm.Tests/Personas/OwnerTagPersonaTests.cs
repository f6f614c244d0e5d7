using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// Household members and owner tags by role: agents and property managers record members of their property's households
/// and tag owners by hand; the tag catalog is the admin's; the quality department reads tags only.
/// </summary>
public sealed class OwnerTagPersonaTests
{
    [Theory]
    [InlineData(PersonaWorld.AgentRole)]
    [InlineData(PersonaWorld.ManagerRole)]
    public void RecordMemberAndTagOwner_OwnPropertysOwner_Done(string role)
    {
        using var world = new PersonaWorld();
        var user = role == PersonaWorld.AgentRole ? world.Agent : world.Manager;
        var household = world.Owned(NewHousehold(world.SunshineOwner), world.SunshineDesk);
        var tag = world.Data.Tag("VIP 关注");

        var member = world.As(user).Create(NewMember(household));
        world.As(user).Associate(ContactTable.LogicalName, world.SunshineOwner, new Relationship(TagTable.ManyToMany.Contacts), Tags(tag));

        Assert.Contains(member, world.Visible(user, HouseholdMemberTable.LogicalName));
        Assert.Contains(tag, world.Visible(user, TagTable.LogicalName));
        Assert.Single(world.Dataverse.PeekAll(TagTable.ManyToMany.IntersectTable));

        world.As(user).Disassociate(ContactTable.LogicalName, world.SunshineOwner, new Relationship(TagTable.ManyToMany.Contacts), Tags(tag));
        Assert.Empty(world.Dataverse.PeekAll(TagTable.ManyToMany.IntersectTable));
    }

    [Fact]
    public void TagOwner_AnotherPropertysOwner_Refused()
    {
        using var world = new PersonaWorld();
        var tag = world.Data.Tag("VIP 关注");

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () =>
            world.As(world.Agent).Associate(ContactTable.LogicalName, world.JadeOwner, new Relationship(TagTable.ManyToMany.Contacts), Tags(tag)));

        Assert.Empty(world.Dataverse.PeekAll(TagTable.ManyToMany.IntersectTable));
    }

    [Fact]
    public void RecordMember_AnotherPropertysHousehold_Refused()
    {
        using var world = new PersonaWorld();
        var household = world.Owned(NewHousehold(world.JadeOwner), world.JadeDesk);

        Assert.ThrowsAny<DataverseFaultException>(() => world.As(world.Agent).Create(NewMember(household)));

        Assert.Empty(world.Dataverse.PeekAll(HouseholdMemberTable.LogicalName));
    }

    [Fact]
    public void CreateTag_AsAgent_PrivilegeDenied()
    {
        using var world = new PersonaWorld();

        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Agent).Create(NewTag("自建 / Own")));
    }

    [Fact]
    public void CreateTag_AsAdmin_HandTagCreated()
    {
        using var world = new PersonaWorld();

        var tag = world.As(world.Admin).Create(NewTag("楼长 / Building Rep"));

        Assert.Null(world.Dataverse.Peek(TagTable.LogicalName, tag)!.GetAttributeValue<string>(TagTable.Columns.RuleCode));
    }

    [Fact]
    public void QualityAnalyst_ReadsTagsButRecordsNoMember()
    {
        using var world = new PersonaWorld();
        var tag = world.Data.Tag("VIP 关注");
        var household = world.Owned(NewHousehold(world.SunshineOwner), world.SunshineDesk);

        Assert.Contains(tag, world.Visible(world.Analyst, TagTable.LogicalName));
        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Analyst).Create(NewMember(household)));
    }

    private static EntityReferenceCollection Tags(Guid tag) => new() { new EntityReference(TagTable.LogicalName, tag) };

    private static Entity NewHousehold(Guid owner) => new(HouseholdTable.LogicalName)
    {
        [HouseholdTable.Columns.Name] = "家庭 / Household",
        [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
    };

    private static Entity NewMember(Guid household) => new(HouseholdMemberTable.LogicalName)
    {
        [HouseholdMemberTable.Columns.Name] = "王奶奶 / Grandma Wang",
        [HouseholdMemberTable.Columns.Household] = new EntityReference(HouseholdTable.LogicalName, household),
        [HouseholdMemberTable.Columns.Relationship] = new OptionSetValue(HouseholdRelationship.Parent),
        [HouseholdMemberTable.Columns.AgeBand] = new OptionSetValue(AgeBand.Senior),
    };

    private static Entity NewTag(string name) => new(TagTable.LogicalName)
    {
        [TagTable.Columns.Name] = name,
        [TagTable.Columns.TagClass] = new OptionSetValue(TagClass.Other),
    };
}
