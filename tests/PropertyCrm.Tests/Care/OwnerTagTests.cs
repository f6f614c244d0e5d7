using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Care;

/// <summary>
/// Owner tags (业主 360° 画像) through pcrm_RunCarePlanner: the 12 rule tags created once, linked to owners on the native
/// N:N relationship while their rule holds and unlinked when it stops; hand tags never touched; a re-run writes nothing.
/// </summary>
public sealed class OwnerTagTests
{
    private readonly CareBed bed = new();

    [Fact]
    public void Run_FirstRun_TwelveRuleTagsCreatedOnceWithBothNames()
    {
        bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Today("2026-07-13");

        bed.Run();
        bed.Today("2026-07-14");
        bed.Run();

        var tags = bed.Dataverse.PeekAll(TagTable.LogicalName);
        Assert.Equal(12, tags.Count);
        var churn = Assert.Single(tags, t => t.GetAttributeValue<string>(TagTable.Columns.RuleCode) == "churn-risk");
        Assert.Equal("流失风险", churn.GetAttributeValue<string>(TagTable.Columns.Name));
        Assert.Equal("Churn Risk", churn.GetAttributeValue<string>(TagTable.Columns.EnglishName));
        Assert.Equal(TagClass.Lifecycle, churn.GetAttributeValue<OptionSetValue>(TagTable.Columns.TagClass).Value);
        Assert.All(tags, t => Assert.False(string.IsNullOrEmpty(t.GetAttributeValue<string>(TagTable.Columns.EnglishName))));
    }

    [Fact]
    public void Run_OwnerFacts_TheirRuleTagsLinkedAndRerunWritesNothing()
    {
        var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "钻石",
            [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2026-06-01"),
            [ContactTable.Columns.Tier] = new OptionSetValue(OwnerTier.Diamond),
            [ContactTable.Columns.LifecycleStage] = new OptionSetValue(LifecycleStage.NewMoveIn),
            [ContactTable.Columns.ConsecutiveUnpaidMonths] = 1,
            [ContactTable.Columns.ChurnRisk] = true,
        });
        bed.Data.Tenancy(owner, "2026-06-01");
        bed.Today("2026-07-13");

        bed.Run();

        Assert.Equal(new[] { "churn-risk", "diamond", "in-arrears", "new-move-in", "tenant" }, RuleCodes(owner));

        bed.Today("2026-07-14");
        bed.Run();

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(new[] { "churn-risk", "diamond", "in-arrears", "new-move-in", "tenant" }, RuleCodes(owner));
    }

    [Fact]
    public void Run_SecondRun_CallsPerPageAsserted()
    {
        for (var i = 0; i < 3; i++)
        {
            bed.Data.Household(bed.Data.OwnerWithButler("2020-01-10", null), birthDate: "1980-03-03");
        }

        bed.Today("2026-07-13");
        bed.Run();
        bed.Today("2026-07-14");

        bed.Run();

        // One page of 3 owners: the loyalty configuration (2: the 催缴 ladder's months; its cache has expired a day later) +
        // owners (2) + occupancies, households, requests (3) + 3 fee standings + the tag step (6); nothing due, no tag changes:
        // the lock is the only write.
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(2 + 2 + 3 + 3 + OwnerTagCalls.PageReads + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Run_RuleStopsHolding_TagRemovedAndHandTagKept()
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Tenancy(owner, "2024-01-01", end: "2026-08-01");
        var vip = bed.Data.Tag("VIP 关注");
        bed.Service.Associate(ContactTable.LogicalName, owner, new Relationship(TagTable.ManyToMany.Contacts), new EntityReferenceCollection { new EntityReference(TagTable.LogicalName, vip) });
        bed.Today("2026-07-20");
        bed.Run();
        Assert.Contains("tenant", RuleCodes(owner));

        bed.Today("2026-08-02");
        bed.Run();

        Assert.DoesNotContain("tenant", RuleCodes(owner));
        Assert.Contains(vip, TagIds(owner));
    }

    [Fact]
    public void Run_RuleTagDeactivated_NeitherAddedNorRemovedNorRecreated()
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Tenancy(owner, "2024-01-01");
        bed.Today("2026-07-20");
        bed.Run();
        var tenant = bed.Dataverse.PeekAll(TagTable.LogicalName).Single(t => t.GetAttributeValue<string>(TagTable.Columns.RuleCode) == "tenant").Id;
        bed.Service.Update(new Entity(TagTable.LogicalName, tenant)
        {
            [TagTable.Columns.StateCode] = new OptionSetValue(1),
            [TagTable.Columns.StatusCode] = new OptionSetValue(2),
        });
        var newcomer = bed.Data.OwnerWithButler("2021-01-10", null);
        bed.Data.Tenancy(newcomer, "2024-01-01");

        bed.Today("2026-07-21");
        bed.Run();

        Assert.Contains(tenant, TagIds(owner));
        Assert.DoesNotContain(tenant, TagIds(newcomer));
        Assert.Equal(12, bed.Dataverse.PeekAll(TagTable.LogicalName).Count);
    }

    [Fact]
    public void Run_HouseholdMembers_ElderlyAndInfantFromMembersLivingHere()
    {
        var withParent = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Member(bed.Data.Household(withParent, birthDate: "1985-05-05"), AgeBand.Senior, relationship: HouseholdRelationship.Parent);
        var withBaby = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Member(bed.Data.Household(withBaby, birthDate: "1990-05-05"), AgeBand.Infant);
        var parentElsewhere = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Member(bed.Data.Household(parentElsewhere, birthDate: "1985-05-05"), AgeBand.Senior, livesHere: false, relationship: HouseholdRelationship.Parent);
        var grownUp = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Member(bed.Data.Household(grownUp, birthDate: "1985-05-05"), AgeBand.Infant, birthDate: "2021-03-01");
        bed.Today("2026-07-20");

        bed.Run();

        Assert.Contains("elderly-household", RuleCodes(withParent));
        Assert.DoesNotContain("infant", RuleCodes(withParent));
        Assert.Contains("infant", RuleCodes(withBaby));
        Assert.DoesNotContain("elderly-household", RuleCodes(parentElsewhere));
        Assert.DoesNotContain("infant", RuleCodes(grownUp));
    }

    [Fact]
    public void Run_Engagement_ActiveParticipantHighValueOpinionLeaderNotDormant()
    {
        var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "热心",
            [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2020-01-10"),
            [ContactTable.Columns.OnTimeRatio] = 1m,
        });
        bed.Data.CheckIn(owner, "2026-03-01");
        bed.Data.CheckIn(owner, "2026-05-01");
        bed.Data.CheckIn(owner, "2026-07-01");
        bed.Data.Suggestion(owner, "2025-09-01", adopted: "2025-09-20");
        bed.Data.Suggestion(owner, "2026-02-01", adopted: "2026-02-15");
        var quiet = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Today("2026-07-20");

        bed.Run();

        Assert.Equal(new[] { "active-participant", "high-value", "opinion-leader" }, RuleCodes(owner));
        Assert.Equal(new[] { "dormant" }, RuleCodes(quiet));
    }

    [Fact]
    public void EraseOwner_Tagged_LinksAndMembersGoTagsStay()
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        var household = bed.Data.Household(owner);
        var member = bed.Data.Member(household, AgeBand.Senior, relationship: HouseholdRelationship.Parent);
        bed.Today("2026-07-20");
        bed.Run();
        Assert.NotEmpty(TagIds(owner));

        bed.Service.Delete(ContactTable.LogicalName, owner);

        Assert.Null(bed.Dataverse.Peek(HouseholdTable.LogicalName, household));
        Assert.Null(bed.Dataverse.Peek(HouseholdMemberTable.LogicalName, member));
        Assert.Empty(TagIds(owner));
        Assert.Equal(12, bed.Dataverse.PeekAll(TagTable.LogicalName).Count);
    }

    [Fact]
    public void Run_LivingAloneFlagDrifted_RepairedOnceFromTheHousehold()
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        bed.Data.Household(owner, livesAlone: true);
        bed.Today("2026-07-20");
        bed.Run();
        Assert.True(bed.Dataverse.Row(ContactTable.LogicalName, owner).Get<bool>(ContactTable.Columns.ElderlyLivingAlone));

        var tasksBefore = bed.Tasks(owner).Count;
        bed.Today("2026-07-21");
        bed.Run();

        // Repaired once: the second run writes only the lock and any check-in call task falling due (task + occasion).
        Assert.Equal(SweepJobCalls.Writes + (2 * (bed.Tasks(owner).Count - tasksBefore)), bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Associate_ExistingLink_RefusedAsDuplicate()
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        var tag = bed.Data.Tag("手工 / Hand");
        var link = new EntityReferenceCollection { new EntityReference(TagTable.LogicalName, tag) };
        bed.Service.Associate(ContactTable.LogicalName, owner, new Relationship(TagTable.ManyToMany.Contacts), link);

        var fault = Assert.Throws<DataverseFaultException>(() =>
            bed.Service.Associate(ContactTable.LogicalName, owner, new Relationship(TagTable.ManyToMany.Contacts), link));

        Assert.Equal(DataverseErrorCodes.DuplicateRecord, fault.ErrorCode);
    }

    private IReadOnlyList<Guid> TagIds(Guid owner) =>
        bed.Dataverse.PeekAll(TagTable.ManyToMany.IntersectTable)
            .Where(r => r.GetAttributeValue<Guid>(TagTable.ManyToMany.ContactId) == owner)
            .Select(r => r.GetAttributeValue<Guid>(TagTable.ManyToMany.TagId))
            .ToList();

    private string[] RuleCodes(Guid owner)
    {
        var codes = bed.Dataverse.PeekAll(TagTable.LogicalName).ToDictionary(t => t.Id, t => t.GetAttributeValue<string>(TagTable.Columns.RuleCode));
        return TagIds(owner).Select(id => codes[id]).Where(c => c is not null).Select(c => c!).OrderBy(c => c, StringComparer.Ordinal).ToArray();
    }
}
