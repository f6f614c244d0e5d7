using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Privacy;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Personas;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Owners;

/// <summary>
/// PIPL data-subject requests end to end through the harness: pcrm_ExportOwnerData returns every row held about the
/// owner (art. 45); deleting the owner erases the personal data and keeps the fee bills and payments, unlinked, with
/// their amounts and dates (accounting records).
/// </summary>
public sealed class OwnerDataRequestTests
{
    [Fact]
    public void ExportOwnerData_OwnerWithRequestsPaymentsPointsRedemptions_JsonHoldsEachRow()
    {
        using var world = new PersonaWorld();
        var owner = OwnerWithHistory(world);
        var task = world.Dataverse.Seed(new Entity(TaskActivity.LogicalName)
        {
            [TaskActivity.Subject] = "整寿拜访 60th birthday visit",
            [TaskActivity.RegardingObjectId] = new EntityReference(ContactTable.LogicalName, owner.Contact),
        });

        var json = Export(world, world.Admin, owner.Contact);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(owner.Contact.ToString("D"), root.GetProperty("owner").GetString());
        Assert.Equal("李", root.GetProperty("contact").GetProperty(ContactTable.Columns.LastName).GetString());
        Assert.Equal("13800000000", root.GetProperty("contact").GetProperty(ContactTable.Columns.MobilePhone).GetString());
        Assert.True(root.GetProperty("contact").GetProperty(ContactTable.Columns.MarketingConsent).GetBoolean());
        var tables = root.GetProperty("tables");
        Assert.Equal(OwnerDataCatalog.Related.Select(s => s.LogicalName), tables.EnumerateObject().Select(p => p.Name));
        Assert.Contains(owner.Request, Ids(tables, ServiceRequestTable.LogicalName));
        Assert.Contains(owner.Household, Ids(tables, HouseholdTable.LogicalName));
        var member = Assert.Single(tables.GetProperty(HouseholdMemberTable.LogicalName).EnumerateArray());
        Assert.Equal(owner.Member, member.GetProperty("id").GetGuid());
        Assert.Equal(AgeBand.Senior, member.GetProperty(HouseholdMemberTable.Columns.AgeBand).GetInt32());
        var tag = Assert.Single(tables.GetProperty(TagTable.LogicalName).EnumerateArray());
        Assert.Equal(owner.Tag, tag.GetProperty("id").GetGuid());
        Assert.Equal("VIP 关注", tag.GetProperty(TagTable.Columns.Name).GetString());
        Assert.Contains(owner.Bill, Ids(tables, FeeBillTable.LogicalName));
        var payment = Assert.Single(tables.GetProperty(FeePaymentTable.LogicalName).EnumerateArray());
        Assert.Equal(owner.Payment, payment.GetProperty("id").GetGuid());
        Assert.Equal(1_000m, payment.GetProperty(FeePaymentTable.Columns.Amount).GetDecimal());
        Assert.Equal(owner.Bill, payment.GetProperty(FeePaymentTable.Columns.FeeBill).GetProperty("id").GetGuid());
        Assert.Contains(owner.Redemption, Ids(tables, RedemptionTable.LogicalName));
        var points = tables.GetProperty(PointsEntryTable.LogicalName).EnumerateArray().Select(e => e.GetProperty(PointsEntryTable.Columns.Points).GetInt32()).ToArray();
        Assert.Contains(300, points);
        Assert.Contains(points, p => p < 0);
        Assert.Single(Ids(tables, LoyaltyAccountTable.LogicalName));
        Assert.Equal(new[] { task }, Ids(tables, TaskActivity.LogicalName));

        // One read for the contact and one per table; nothing written, no query for all columns.
        var calls = world.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(1 + OwnerDataCatalog.Related.Count, calls.Reads);
        Assert.Equal(0, calls.Writes);
        Assert.Equal(0, world.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void ExportOwnerData_AsAgent_RefusedForTheExecutePrivilege()
    {
        using var world = new PersonaWorld();

        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => Export(world, world.Agent, world.SunshineOwner));
    }

    [Fact]
    public void ExportOwnerData_NoSuchOwner_RefusedBilingually()
    {
        using var world = new PersonaWorld();

        var fault = Assert.Throws<DataverseFaultException>(() => Export(world, world.Admin, Guid.NewGuid()));

        Assert.Contains("未找到业主", fault.Message, StringComparison.Ordinal);
        Assert.Contains("No owner", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryTableWithAnOwnerLookup_Exported()
    {
        // Every relationship whose referenced table is contact (Solution/Other/Relationships/Contact.xml) is a table that holds
        // rows about an owner; the export (PIPL art. 45) must list it, with that lookup as its owner column.
        var relationships = XDocument.Load(Path.Combine(RepositoryRoot(), "Solution", "Other", "Relationships", "Contact.xml"))
            .Descendants("EntityRelationship")
            .Where(r => string.Equals((string?)r.Element("ReferencedEntityName"), ContactTable.LogicalName, StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{(string)r.Element("ReferencingEntityName")!}.{((string)r.Element("ReferencingAttributeName")!).ToLowerInvariant()}")
            .Where(name => !name.StartsWith(ContactTable.LogicalName + ".", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        var exported = OwnerDataCatalog.Related.Select(s => $"{s.LogicalName}.{s.OwnerColumn}").ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(relationships);
        var missing = relationships.Where(r => !exported.Contains(r)).ToArray();
        Assert.True(missing.Length == 0, "Owner lookups not in OwnerDataCatalog: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PropertyCrm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PropertyCrm.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void DeleteOwner_Erasure_PersonalDataGoneBillsAndPaymentsKeptUnlinkedWithAmounts()
    {
        using var world = new PersonaWorld();
        var owner = OwnerWithHistory(world);

        world.As(world.Admin).Delete(ContactTable.LogicalName, owner.Contact);

        Assert.Null(world.Dataverse.Peek(ContactTable.LogicalName, owner.Contact));
        foreach (var section in OwnerDataCatalog.Related.Where(s => s.Through is null))
        {
            Assert.DoesNotContain(world.Dataverse.PeekAll(section.LogicalName), r => r.GetAttributeValue<EntityReference>(section.OwnerColumn)?.Id == owner.Contact);
        }

        Assert.Empty(world.Dataverse.PeekAll(HouseholdTable.LogicalName));
        Assert.Empty(world.Dataverse.PeekAll(HouseholdMemberTable.LogicalName));
        var links = world.Dataverse.PeekAll(TagTable.ManyToMany.IntersectTable);
        Assert.DoesNotContain(links, l => l.GetAttributeValue<Guid>(TagTable.ManyToMany.ContactId) == owner.Contact);
        Assert.Single(links);
        Assert.NotNull(world.Dataverse.Peek(TagTable.LogicalName, owner.Tag));
        Assert.Empty(world.Dataverse.PeekAll(PointsEntryTable.LogicalName));
        Assert.Empty(world.Dataverse.PeekAll(RedemptionTable.LogicalName));
        Assert.Empty(world.Dataverse.PeekAll(LoyaltyAccountTable.LogicalName));

        // Accounting records stay: amounts, dates and the bill link, without the person.
        var bill = world.Dataverse.Row(FeeBillTable.LogicalName, owner.Bill);
        Assert.Null(bill.Get<EntityReference>(FeeBillTable.Columns.Contact));
        Assert.Equal(1_000m, bill.Get<Money>(FeeBillTable.Columns.AmountDue).Value);
        Assert.Equal(1_000m, bill.Get<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.NotNull(bill.Get<DateTime?>(FeeBillTable.Columns.DueOn));
        var payment = world.Dataverse.Row(FeePaymentTable.LogicalName, owner.Payment);
        Assert.Null(payment.Get<EntityReference>(FeePaymentTable.Columns.Contact));
        Assert.Equal(1_000m, payment.Get<Money>(FeePaymentTable.Columns.Amount).Value);
        Assert.NotNull(payment.Get<DateTime?>(FeePaymentTable.Columns.PaidOn));
        Assert.Equal(owner.Bill, payment.Get<EntityReference>(FeePaymentTable.Columns.FeeBill).Id);

        // The service request is kept for the KPIs, without the person.
        Assert.Null(world.Dataverse.Row(ServiceRequestTable.LogicalName, owner.Request).Get<EntityReference>(ServiceRequestTable.Columns.Contact));
    }

    private static string Export(PersonaWorld world, Guid user, Guid owner) =>
        (string)world.As(user).Execute(new OrganizationRequest(ExportOwnerDataPlugin.ApiName)
        {
            [ExportOwnerDataPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        }).Results[ExportOwnerDataPlugin.DataOutput];

    private static Guid[] Ids(JsonElement tables, string table) =>
        tables.GetProperty(table).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();

    /// <summary>An owner with a household, a service request, a paid bill (its points), earned points and a redemption.</summary>
    private static OwnerHistory OwnerWithHistory(PersonaWorld world)
    {
        var contact = world.Data.OwnerWithPoints(lots: (300, "2030-12-31"));
        world.Dataverse.Service.Update(new Entity(ContactTable.LogicalName, contact)
        {
            [ContactTable.Columns.LastName] = "李",
            [ContactTable.Columns.MobilePhone] = "13800000000",
            [ContactTable.Columns.MarketingConsent] = true,
        });
        var household = world.Data.Household(contact, birthDate: "1966-07-15");
        var member = world.Data.Member(household, AgeBand.Senior, relationship: HouseholdRelationship.Parent);
        var tag = world.Data.Tag("VIP 关注");
        world.Dataverse.Service.Associate(ContactTable.LogicalName, contact, new Relationship(TagTable.ManyToMany.Contacts), new EntityReferenceCollection { new EntityReference(TagTable.LogicalName, tag) });
        var otherOwner = world.Data.Owner();
        world.Dataverse.Service.Associate(ContactTable.LogicalName, otherOwner, new Relationship(TagTable.ManyToMany.Contacts), new EntityReferenceCollection { new EntityReference(TagTable.LogicalName, world.Data.Tag("其他 / Other")) });
        var request = world.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
        {
            [ServiceRequestTable.Columns.Name] = "3-1-802 漏水 leak",
            [ServiceRequestTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact),
        });
        var bill = world.Dataverse.Seed(DataProducer.NewBill(contact, 1_000m, DateTime.SpecifyKind(world.Dataverse.Clock.UtcNow.Date.AddDays(10), DateTimeKind.Utc)));
        var newPayment = DataProducer.NewPayment(bill, 1_000m, world.Dataverse.Clock.UtcNow);
        newPayment[FeePaymentTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact);
        var payment = world.Dataverse.Service.Create(newPayment);
        var reward = world.Data.Reward(cost: 100);
        var redemption = world.Dataverse.Service.Create(DataProducer.NewRedemption(contact, reward));
        return new OwnerHistory(contact, household, request, bill, payment, redemption, member, tag);
    }

    private sealed record OwnerHistory(Guid Contact, Guid Household, Guid Request, Guid Bill, Guid Payment, Guid Redemption, Guid Member, Guid Tag);
}
