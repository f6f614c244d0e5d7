using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using Entry = PropertyCrm.Schema.Tables.PointsEntryTable.Columns;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// Alternate keys come from the shipped EntityKeys (pcrm_pointsentry: owner + idempotency key): unique on write,
/// and the only column sets KeyAttributes may name.
/// </summary>
public sealed class AlternateKeyTests
{
    private const string Table = PointsEntryTable.LogicalName;

    private readonly FakeDataverse dataverse = new();
    private readonly EntityReference owner;
    private readonly EntityReference otherOwner;

    public AlternateKeyTests()
    {
        owner = new EntityReference(ContactTable.LogicalName, dataverse.Seed(new Entity(ContactTable.LogicalName) { ["lastname"] = "张" }));
        otherOwner = new EntityReference(ContactTable.LogicalName, dataverse.Seed(new Entity(ContactTable.LogicalName) { ["lastname"] = "李" }));
    }

    [Fact]
    public void Create_SecondRowWithSameKeyValues_FaultsDuplicateRecordEntityKey()
    {
        dataverse.Service.Create(Entry_(owner, "fee:1"));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(Entry_(owner, "FEE:1")));

        Assert.Equal(DataverseErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode);
        Assert.Contains(PointsEntryTable.Keys.IdempotencyKey, fault.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, dataverse.Count(Table));
    }

    [Fact]
    public void Create_SameKeyValueForAnotherOwner_Succeeds()
    {
        dataverse.Service.Create(Entry_(owner, "fee:1"));

        dataverse.Service.Create(Entry_(otherOwner, "fee:1"));

        Assert.Equal(2, dataverse.Count(Table));
    }

    [Fact]
    public void Create_KeyColumnNull_IsNotEnforced()
    {
        dataverse.Service.Create(new Entity(Table) { [Entry.Contact] = owner });
        dataverse.Service.Create(new Entity(Table) { [Entry.Contact] = owner });

        Assert.Equal(2, dataverse.Count(Table));
    }

    [Fact]
    public void Update_ChangesKeyToAnExistingRowsValues_FaultsDuplicateRecordEntityKey()
    {
        dataverse.Service.Create(Entry_(owner, "fee:1"));
        var second = dataverse.Service.Create(Entry_(owner, "fee:2"));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(Table, second) { [Entry.IdempotencyKey] = "fee:1" }));

        Assert.Equal(DataverseErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_KeyAnotherRowHeldBeforeAnUpdate_SucceedsAndItsNewKeyIsTaken(bool seek)
    {
        // The key check reads the equality index's candidates (rows that ever held the value), or the whole table when
        // seeking is off: either way a value a row no longer holds is free, and the one it holds now is not.
        dataverse.UseEqualityIndex = seek;
        var first = dataverse.Service.Create(Entry_(owner, "fee:1"));
        dataverse.Service.Update(new Entity(Table, first) { [Entry.IdempotencyKey] = "fee:9" });

        dataverse.Service.Create(Entry_(owner, "FEE:1"));
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(Entry_(owner, "Fee:9")));

        Assert.Equal(DataverseErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode);
        Assert.Equal(2, dataverse.Count(Table));
    }

    [Fact]
    public void Update_OtherColumnsOfAKeyedRow_Succeeds()
    {
        var id = dataverse.Service.Create(Entry_(owner, "fee:1"));

        dataverse.Service.Update(new Entity(Table, id) { [Entry.Name] = "renamed" });

        Assert.Equal("renamed", dataverse.Peek(Table, id)![Entry.Name]);
    }

    [Fact]
    public void Seed_DuplicateKeyValues_Throws()
    {
        dataverse.Seed(Entry_(owner, "fee:1"));

        Assert.Equal(DataverseErrorCodes.DuplicateRecordEntityKey, Assert.Throws<DataverseFaultException>(() => dataverse.Seed(Entry_(owner, "fee:1"))).ErrorCode);
    }

    [Fact]
    public void Upsert_DefinedKey_UpdatesTheMatchingRow()
    {
        var id = dataverse.Service.Create(Entry_(owner, "fee:1"));
        var target = new Entity(Table, KeyOf(owner, "fee:1")) { [Entry.Name] = "upserted" };

        var response = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = target });

        Assert.False(response.RecordCreated);
        Assert.Equal("upserted", dataverse.Peek(Table, id)![Entry.Name]);
    }

    [Fact]
    public void Upsert_ColumnsThatAreNoDefinedKey_FaultsInvalidEntityKeyOperation()
    {
        dataverse.Service.Create(Entry_(owner, "fee:1"));
        var target = new Entity(Table, new KeyAttributeCollection { [Entry.IdempotencyKey] = "fee:1" }) { [Entry.Name] = "x" };

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new UpsertRequest { Target = target }));

        Assert.Equal(DataverseErrorCodes.InvalidEntityKeyOperation, fault.ErrorCode);
    }

    [Fact]
    public void Retrieve_ReferenceWithUndefinedKey_FaultsInvalidEntityKeyOperation()
    {
        var reference = new EntityReference(Table, new KeyAttributeCollection { [Entry.Name] = "x" });

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new RetrieveRequest { Target = reference, ColumnSet = new ColumnSet(Entry.Name) }));

        Assert.Equal(DataverseErrorCodes.InvalidEntityKeyOperation, fault.ErrorCode);
    }

    [Fact]
    public void Update_DefinedKeyMatchingNoRow_FaultsRecordNotFoundByEntityKey()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(Table, KeyOf(owner, "none")) { [Entry.Name] = "x" }));

        Assert.Equal(DataverseErrorCodes.RecordNotFoundByEntityKey, fault.ErrorCode);
    }

    [Fact]
    public void Update_KeyOnTableOutsideTheSolution_MatchesAnyColumns()
    {
        var id = dataverse.Seed(new Entity("account") { ["accountnumber"] = "A-1" });

        dataverse.Service.Update(new Entity("account", new KeyAttributeCollection { ["accountnumber"] = "A-1" }) { ["name"] = "renamed" });

        Assert.Equal("renamed", dataverse.Peek("account", id)!["name"]);
    }

    private static KeyAttributeCollection KeyOf(EntityReference contact, string key) => new()
    {
        [Entry.Contact] = contact,
        [Entry.IdempotencyKey] = key,
    };

    private static Entity Entry_(EntityReference contact, string key) => new(Table)
    {
        [Entry.Contact] = contact,
        [Entry.IdempotencyKey] = key,
        [Entry.Name] = key,
    };
}
