using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using Entry = PropertyCrm.Schema.Tables.PointsEntryTable.Columns;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// The harness refuses what Dataverse refuses on a written column, driven by the shipped Entity.xml files: unknown
/// columns, wrong value types, length, range, choice values, state/status pairs, lookup targets, date-only columns.
/// </summary>
public sealed class ColumnMetadataTests
{
    private const string Table = PointsEntryTable.LogicalName;

    private readonly FakeDataverse dataverse = new();

    /// <summary>Column, a value that breaks its metadata, the fault code Dataverse gives.</summary>
    public static TheoryData<string, object, int> InvalidValues => new()
    {
        { Entry.IdempotencyKey, new string('键', 201), DataverseErrorCodes.StringLengthTooLong },
        { Entry.Sequence, 0, DataverseErrorCodes.StringLengthTooLong },
        { Entry.Sequence, "1", DataverseErrorCodes.InvalidArgument },
        { Entry.Kind, new OptionSetValue(1), DataverseErrorCodes.PicklistValueOutOfRange },
        { Entry.Kind, 548210001, DataverseErrorCodes.InvalidArgument },
        { Entry.Contact, new EntityReference("account", Guid.NewGuid()), DataverseErrorCodes.InvalidArgument },
        { Entry.OwnerId, new EntityReference("contact", Guid.NewGuid()), DataverseErrorCodes.InvalidArgument },
        { Entry.ExpiresOn, new DateTime(2025, 1, 6, 16, 0, 0, DateTimeKind.Utc), DataverseErrorCodes.InvalidDateTime },
        { Entry.OccurredOn, new DateTime(1700, 1, 1, 0, 0, 0, DateTimeKind.Utc), DataverseErrorCodes.InvalidDateTime },
        { Entry.StatusCode, new OptionSetValue(2), DataverseErrorCodes.InvalidStateCodeStatusCode },
        { Entry.StatusCode, new OptionSetValue(7), DataverseErrorCodes.PicklistValueOutOfRange },
        { "pcrm_nosuchcolumn", "x", DataverseErrorCodes.QueryBuilderNoAttribute },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Create_ValueBreaksColumnMetadata_FaultsWithPlatformCode(string column, object value, int code)
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table) { [column] = value }));

        Assert.Equal(code, fault.ErrorCode);
        Assert.Contains(column, fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Count(Table));
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Update_ValueBreaksColumnMetadata_FaultsAndKeepsRow(string column, object value, int code)
    {
        var id = dataverse.Seed(new Entity(Table) { [Entry.Name] = "before" });

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(Table, id) { [Entry.Name] = "after", [column] = value }));

        Assert.Equal(code, fault.ErrorCode);
        Assert.Equal("before", dataverse.Peek(Table, id)![Entry.Name]);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Seed_ValueBreaksColumnMetadata_Throws(string column, object value, int code)
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Seed(new Entity(Table) { [column] = value }));

        Assert.Equal(code, fault.ErrorCode);
    }

    [Fact]
    public void Upsert_ValueBreaksColumnMetadata_Faults()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new UpsertRequest
        {
            Target = new Entity(Table, Guid.NewGuid()) { [Entry.Name] = new string('x', 201) },
        }));

        Assert.Equal(DataverseErrorCodes.StringLengthTooLong, fault.ErrorCode);
    }

    [Fact]
    public void Create_ValuesWithinMetadata_StoresThem()
    {
        var owner = dataverse.Seed(new Entity(ContactTable.LogicalName) { ["lastname"] = "张" });
        var id = dataverse.Service.Create(new Entity(Table)
        {
            [Entry.Name] = new string('x', 200),
            [Entry.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [Entry.Kind] = new OptionSetValue(LedgerEntryKind.Earn),
            [Entry.Sequence] = 1,
            [Entry.ExpiresOn] = new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        });

        Assert.Equal(1, dataverse.Peek(Table, id)![Entry.Sequence]);
    }

    [Fact]
    public void Create_MoneyWithMorePlacesThanPrecision_StoresItRounded()
    {
        var id = dataverse.Service.Create(new Entity(FeeBillTable.LogicalName) { [FeeBillTable.Columns.AmountDue] = new Money(12.345m) });

        Assert.Equal(12.35m, ((Money)dataverse.Peek(FeeBillTable.LogicalName, id)![FeeBillTable.Columns.AmountDue]).Value);
    }

    [Fact]
    public void Create_MoneyBelowMinimum_FaultsOutOfRange()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(FeeBillTable.LogicalName) { [FeeBillTable.Columns.AmountDue] = new Money(0m) }));

        Assert.Equal(DataverseErrorCodes.StringLengthTooLong, fault.ErrorCode);
        Assert.Contains("outside the valid range", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_StateCodeAlone_SetsTheStateDefaultStatus()
    {
        var id = dataverse.Seed(new Entity(Table));

        dataverse.Service.Update(new Entity(Table, id) { [Entry.StateCode] = new OptionSetValue(1) });

        Assert.Equal(2, ((OptionSetValue)dataverse.Peek(Table, id)![Entry.StatusCode]).Value);
    }

    [Fact]
    public void Update_MatchingStateAndStatus_Succeeds()
    {
        var id = dataverse.Seed(new Entity(Table));

        dataverse.Service.Update(new Entity(Table, id) { [Entry.StateCode] = new OptionSetValue(1), [Entry.StatusCode] = new OptionSetValue(2) });

        Assert.Equal(1, ((OptionSetValue)dataverse.Peek(Table, id)![Entry.StateCode]).Value);
    }

    [Theory]
    [InlineData("pcrm_nosuchcolumn", true)]
    [InlineData("lastname", false)]
    public void Create_ColumnOnExtendedPlatformTable_RefusesOnlyUnknownPrefixedColumns(string column, bool refused)
    {
        var create = () => dataverse.Service.Create(new Entity(ContactTable.LogicalName) { [column] = "x" });

        if (refused)
        {
            Assert.Equal(DataverseErrorCodes.QueryBuilderNoAttribute, Assert.Throws<DataverseFaultException>(() => create()).ErrorCode);
        }
        else
        {
            Assert.NotEqual(Guid.Empty, create());
        }
    }

    [Fact]
    public void Create_TableOutsideTheSolution_StaysLenient()
    {
        var id = dataverse.Service.Create(new Entity("account") { ["anything"] = 42 });

        Assert.Equal(42, dataverse.Peek("account", id)!["anything"]);
    }
}
