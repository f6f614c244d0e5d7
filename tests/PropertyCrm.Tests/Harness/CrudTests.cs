using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Harness.Metadata;

namespace PropertyCrm.Tests.Harness;

public sealed class CrudTests
{
    private const string Table = "pcrm_item";

    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void Create_WithoutId_AssignsIdAndSystemColumns()
    {
        var user = dataverse.CreateUser("客服 Agent");
        var id = dataverse.ServiceFor(user).Create(new Entity(Table) { ["pcrm_name"] = "A" });

        var row = dataverse.Peek(Table, id)!;
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(id, row["pcrm_itemid"]);
        Assert.Equal(HarnessClock.DefaultStart, row["createdon"]);
        Assert.Equal(HarnessClock.DefaultStart, row["modifiedon"]);
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.Equal(new EntityReference("systemuser", user), row["ownerid"]);
        Assert.Equal(FakeDataverse.RootBusinessUnitId, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.IsType<long>(row["versionnumber"]);
        Assert.False(string.IsNullOrEmpty(row.RowVersion));
    }

    [Fact]
    public void Create_GivenStateAndOwner_KeepsThem()
    {
        var owner = dataverse.CreateUser("Owner");
        var id = dataverse.Service.Create(new Entity(Table)
        {
            ["statecode"] = new OptionSetValue(1),
            ["statuscode"] = new OptionSetValue(2),
            ["ownerid"] = new EntityReference("systemuser", owner),
        });

        var row = dataverse.Peek(Table, id)!;
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(owner, row.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void Create_ExistingId_FaultsDuplicateRecord()
    {
        var id = dataverse.Seed(new Entity(Table));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table, id)));

        Assert.Equal(DataverseErrorCodes.DuplicateRecord, fault.Detail.ErrorCode);
    }

    [Fact]
    public void Retrieve_ColumnSet_ReturnsOnlyRequestedColumnsAndKey()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_name"] = "A", ["pcrm_count"] = 3, ["pcrm_note"] = "x" });

        var entity = dataverse.Service.Retrieve(Table, id, new ColumnSet("pcrm_name", "pcrm_missing"));

        Assert.Equal(new[] { "pcrm_itemid", "pcrm_name" }, entity.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(id, entity.Id);
        Assert.Equal(0, dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Retrieve_Missing_FaultsObjectDoesNotExistWithDataverseMessage()
    {
        var id = Guid.NewGuid();

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Retrieve(Table, id, new ColumnSet("pcrm_name")));

        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.Equal($"pcrm_item With Id = {id} Does Not Exist", fault.Detail.Message);
    }

    [Fact]
    public void Retrieve_Lookup_CarriesReferencedRowPrimaryName()
    {
        var owner = dataverse.Seed(new Entity("contact") { ["fullname"] = "张伟" });
        var building = dataverse.Seed(new Entity("pcrm_building") { ["pcrm_name"] = "1号楼" });
        var id = dataverse.Seed(new Entity(Table)
        {
            ["pcrm_contactid"] = new EntityReference("contact", owner),
            ["pcrm_buildingid"] = new EntityReference("pcrm_building", building),
        });

        var entity = dataverse.Service.Retrieve(Table, id, new ColumnSet("pcrm_contactid", "pcrm_buildingid"));

        Assert.Equal("张伟", entity.GetAttributeValue<EntityReference>("pcrm_contactid").Name);
        Assert.Equal("1号楼", entity.GetAttributeValue<EntityReference>("pcrm_buildingid").Name);
    }

    [Fact]
    public void Retrieve_AllColumns_IsCounted()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_name"] = "A" });

        var entity = dataverse.Service.Retrieve(Table, id, new ColumnSet(true));

        Assert.Equal("A", entity["pcrm_name"]);
        Assert.Equal(1, dataverse.AllColumnsRequests);
        Assert.Equal(1, dataverse.LastExecution.AllColumnsRequests);
    }

    [Fact]
    public void Retrieve_CallerMutatesResult_StoreUnchanged()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_name"] = "A", ["pcrm_amount"] = new Money(10m), ["pcrm_kind"] = new OptionSetValue(1) });

        var entity = dataverse.Service.Retrieve(Table, id, new ColumnSet("pcrm_name", "pcrm_amount", "pcrm_kind"));
        entity["pcrm_name"] = "changed";
        entity.GetAttributeValue<Money>("pcrm_amount").Value = 99m;
        entity.GetAttributeValue<OptionSetValue>("pcrm_kind").Value = 9;

        var stored = dataverse.Peek(Table, id)!;
        Assert.Equal("A", stored["pcrm_name"]);
        Assert.Equal(10m, stored.GetAttributeValue<Money>("pcrm_amount").Value);
        Assert.Equal(1, stored.GetAttributeValue<OptionSetValue>("pcrm_kind").Value);
    }

    [Fact]
    public void Create_CallerMutatesEntityAfterwards_StoreUnchanged()
    {
        var amount = new Money(5m);
        var entity = new Entity(Table) { ["pcrm_amount"] = amount };
        var id = dataverse.Service.Create(entity);

        amount.Value = 500m;
        entity["pcrm_name"] = "late";

        var stored = dataverse.Peek(Table, id)!;
        Assert.Equal(5m, stored.GetAttributeValue<Money>("pcrm_amount").Value);
        Assert.False(stored.Contains("pcrm_name"));
        Assert.Equal(Guid.Empty, entity.Id);
    }

    [Fact]
    public void Update_ChangedColumns_SetsModifiedOnAndNewRowVersion()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_name"] = "A", ["pcrm_note"] = "keep" });
        var before = dataverse.Peek(Table, id)!;
        dataverse.Clock.AdvanceBy(TimeSpan.FromHours(2));

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_name"] = "B" });

        var after = dataverse.Peek(Table, id)!;
        Assert.Equal("B", after["pcrm_name"]);
        Assert.Equal("keep", after["pcrm_note"]);
        Assert.Equal(HarnessClock.DefaultStart.AddHours(2), after["modifiedon"]);
        Assert.Equal(HarnessClock.DefaultStart, after["createdon"]);
        Assert.NotEqual(before.RowVersion, after.RowVersion);
    }

    [Fact]
    public void Update_NullValue_ClearsColumn()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_note"] = "x" });

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_note"] = null });

        Assert.False(dataverse.Peek(Table, id)!.Contains("pcrm_note"));
    }

    [Fact]
    public void Update_Missing_FaultsObjectDoesNotExist()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(Table, Guid.NewGuid()) { ["pcrm_name"] = "x" }));

        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
    }

    [Fact]
    public void Delete_Existing_RemovesRow()
    {
        var id = dataverse.Seed(new Entity(Table));

        dataverse.Service.Delete(Table, id);

        Assert.Null(dataverse.Peek(Table, id));
        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete(Table, id)).ErrorCode);
    }

    [Fact]
    public void Seed_WithRegisteredDefaults_FillsMissingRequiredColumns()
    {
        dataverse.SeedDefaults(Table, e => { e["pcrm_name"] = "default"; e["pcrm_count"] = 1; });

        var id = dataverse.Seed(new Entity(Table) { ["pcrm_count"] = 7, ["createdon"] = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc) });

        var row = dataverse.Peek(Table, id)!;
        Assert.Equal("default", row["pcrm_name"]);
        Assert.Equal(7, row["pcrm_count"]);
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), row["createdon"]);
        Assert.Empty(dataverse.Executions);
    }

    [Fact]
    public void RegisterTable_ActivityKey_UsesActivityIdAsPrimaryKey()
    {
        dataverse.RegisterTable(new TableMetadata("phonecall", "activityid"));

        var id = dataverse.Service.Create(new Entity("phonecall") { ["subject"] = "回访" });

        var entity = dataverse.Service.Retrieve("phonecall", id, new ColumnSet("subject"));
        Assert.Equal(id, entity["activityid"]);
        Assert.False(entity.Contains("phonecallid"));
    }

    [Fact]
    public void Create_PrimaryKeyInAttributes_UsesIt()
    {
        var id = Guid.NewGuid();

        var created = dataverse.Service.Create(new Entity(Table) { ["pcrm_itemid"] = id });

        Assert.Equal(id, created);
    }

    [Fact]
    public void Upsert_NewThenExisting_CreatesThenUpdates()
    {
        var id = Guid.NewGuid();

        var first = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = new Entity(Table, id) { ["pcrm_name"] = "A" } });
        var second = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = new Entity(Table, id) { ["pcrm_name"] = "B" } });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal(id, second.Target.Id);
        Assert.Equal("B", dataverse.Peek(Table, id)!["pcrm_name"]);
    }

    [Fact]
    public void Upsert_AlternateKey_FindsRowByKeyValues()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_code"] = "U-101" });

        var response = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest
        {
            Target = new Entity(Table, "pcrm_code", "U-101") { ["pcrm_name"] = "keyed" },
        });

        Assert.False(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
        Assert.Equal("keyed", dataverse.Peek(Table, id)!["pcrm_name"]);
    }

    [Fact]
    public void WhoAmI_ForUser_ReturnsUserAndBusinessUnit()
    {
        var unit = dataverse.CreateBusinessUnit("上海项目");
        var user = dataverse.CreateUser("Agent", unit);

        var response = (WhoAmIResponse)dataverse.ServiceFor(user).Execute(new WhoAmIRequest());

        Assert.Equal(user, response.UserId);
        Assert.Equal(unit, response.BusinessUnitId);
        Assert.Equal(FakeDataverse.OrganizationId, response.OrganizationId);
    }

    [Fact]
    public void Assign_NewOwner_UpdatesOwnerId()
    {
        var id = dataverse.Seed(new Entity(Table));
        var owner = dataverse.CreateUser("New owner");

        dataverse.Service.Execute(new AssignRequest { Target = new EntityReference(Table, id), Assignee = new EntityReference("systemuser", owner) });

        Assert.Equal(owner, dataverse.Peek(Table, id)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void Associate_ManyToMany_CreatesIntersectRowAndRejectsDuplicate()
    {
        dataverse.RegisterRelationship(new ManyToManyRelationship("pcrm_item_tag", Table, "pcrm_tag"));
        var item = dataverse.Seed(new Entity(Table));
        var tag = dataverse.Seed(new Entity("pcrm_tag"));
        var related = new EntityReferenceCollection { new EntityReference("pcrm_tag", tag) };

        dataverse.Service.Associate(Table, item, new Relationship("pcrm_item_tag"), related);
        var duplicate = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Associate(Table, item, new Relationship("pcrm_item_tag"), related));

        var link = Assert.Single(dataverse.PeekAll("pcrm_item_tag"));
        Assert.Equal(item, link["pcrm_itemid"]);
        Assert.Equal(tag, link["pcrm_tagid"]);
        Assert.Equal(DataverseErrorCodes.DuplicateRecord, duplicate.ErrorCode);

        dataverse.Service.Disassociate(Table, item, new Relationship("pcrm_item_tag"), related);
        Assert.Empty(dataverse.PeekAll("pcrm_item_tag"));
    }

    [Fact]
    public void Associate_OneToMany_SetsAndClearsLookup()
    {
        dataverse.RegisterRelationship(new OneToManyRelationship("pcrm_building_units", "pcrm_building", "pcrm_unit", "pcrm_buildingid"));
        var building = dataverse.Seed(new Entity("pcrm_building"));
        var unit = dataverse.Seed(new Entity("pcrm_unit"));
        var related = new EntityReferenceCollection { new EntityReference("pcrm_unit", unit) };

        dataverse.Service.Associate("pcrm_building", building, new Relationship("pcrm_building_units"), related);
        Assert.Equal(building, dataverse.Peek("pcrm_unit", unit)!.GetAttributeValue<EntityReference>("pcrm_buildingid").Id);

        dataverse.Service.Disassociate("pcrm_building", building, new Relationship("pcrm_building_units"), related);
        Assert.False(dataverse.Peek("pcrm_unit", unit)!.Contains("pcrm_buildingid"));
    }

    [Fact]
    public void Delete_RowWithManyToManyLinks_RemovesIntersectRows()
    {
        dataverse.RegisterRelationship(new ManyToManyRelationship("pcrm_item_tag", Table, "pcrm_tag"));
        var item = dataverse.Seed(new Entity(Table));
        var tag = dataverse.Seed(new Entity("pcrm_tag"));
        dataverse.Service.Associate(Table, item, new Relationship("pcrm_item_tag"), new EntityReferenceCollection { new EntityReference("pcrm_tag", tag) });

        dataverse.Service.Delete("pcrm_tag", tag);

        Assert.Empty(dataverse.PeekAll("pcrm_item_tag"));
    }

    [Fact]
    public void Execute_UnknownMessage_FaultsNamingIt()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new OrganizationRequest("pcrm_NoSuchThing")));

        Assert.Equal(DataverseErrorCodes.NotSupported, fault.ErrorCode);
        Assert.Contains("pcrm_NoSuchThing", fault.Message, StringComparison.Ordinal);
    }
}
