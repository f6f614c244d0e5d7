using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Owners;

/// <summary>PIPL art. 28–29: sensitive personal information only with the separate consent; withdrawal erases the ID number.</summary>
public sealed class SensitiveDataConsentTests
{
    private const string IdNumber = "110101199003071234";
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    [Fact]
    public void SaveIdNumber_WithoutSensitiveConsent_RefusedBilinguallyAndNothingSaved()
    {
        var owner = dataverse.Seed(DataProducer.NewOwner());

        var fault = Assert.Throws<DataverseFaultException>(() =>
            dataverse.Service.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.IdNumber] = IdNumber }));

        Assert.Contains("单独同意", fault.Message, StringComparison.Ordinal);
        Assert.Contains("separate consent", fault.Message, StringComparison.Ordinal);
        Assert.Null(dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<string>(ContactTable.Columns.IdNumber));
    }

    [Fact]
    public void SaveIdNumber_WithConsentInTheSameSave_Saved()
    {
        var row = DataProducer.NewOwner();
        row[ContactTable.Columns.IdNumber] = IdNumber;
        row[ContactTable.Columns.SensitiveDataConsent] = true;

        var owner = dataverse.Service.Create(row);

        Assert.Equal(IdNumber, dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<string>(ContactTable.Columns.IdNumber));
    }

    [Fact]
    public void WithdrawSensitiveConsent_IdNumberErased()
    {
        var row = DataProducer.NewOwner();
        row[ContactTable.Columns.IdNumber] = IdNumber;
        row[ContactTable.Columns.SensitiveDataConsent] = true;
        var owner = dataverse.Service.Create(row);

        dataverse.Service.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.SensitiveDataConsent] = false });

        var stored = dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.Null(stored.GetAttributeValue<string>(ContactTable.Columns.IdNumber));
        Assert.NotNull(stored.GetAttributeValue<DateTime?>(ContactTable.Columns.SensitiveDataConsentWithdrawnOn));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void SaveNewbornBirthDate_NeedsTheOwnersSensitiveConsent(bool consent, bool refused)
    {
        var row = DataProducer.NewOwner();
        row[ContactTable.Columns.SensitiveDataConsent] = consent;
        var owner = dataverse.Seed(row);
        var household = new Entity(HouseholdTable.LogicalName)
        {
            [HouseholdTable.Columns.Name] = "家庭 / Household",
            [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [HouseholdTable.Columns.NewbornOn] = DataProducer.DateOnly("2026-05-20"),
        };

        var error = Record.Exception(() => dataverse.Service.Create(household));

        Assert.Equal(refused, error is DataverseFaultException);
        Assert.Equal(refused ? 0 : 1, dataverse.Count(HouseholdTable.LogicalName));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void SaveMinorMemberBirthDate_NeedsTheOwnersSensitiveConsentWithinOneRead(bool consent, bool refused)
    {
        var row = DataProducer.NewOwner();
        row[ContactTable.Columns.SensitiveDataConsent] = consent;
        var household = new DataProducer(dataverse).Household(dataverse.Seed(row));
        var member = new Entity(HouseholdMemberTable.LogicalName)
        {
            [HouseholdMemberTable.Columns.Name] = "小宝 / Baby",
            [HouseholdMemberTable.Columns.Household] = new EntityReference(HouseholdTable.LogicalName, household),
            [HouseholdMemberTable.Columns.Relationship] = new OptionSetValue(HouseholdRelationship.Child),
            [HouseholdMemberTable.Columns.AgeBand] = new OptionSetValue(AgeBand.Infant),
            [HouseholdMemberTable.Columns.BirthDate] = DataProducer.DateOnly("2025-05-20"),
        };

        var error = Record.Exception(() => dataverse.Service.Create(member));

        Assert.Equal(refused, error is DataverseFaultException);
        Assert.Equal(refused ? 0 : 1, dataverse.Count(HouseholdMemberTable.LogicalName));
        Assert.Equal(1, dataverse.LastExecution.PluginCalls.Reads);
        if (refused)
        {
            Assert.Contains("未成年家庭成员的出生日期", error!.Message, StringComparison.Ordinal);
            Assert.Contains("separate consent", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SaveMemberWithoutBirthDate_NoConsentNeededNoRead()
    {
        var household = new DataProducer(dataverse).Household(dataverse.Seed(DataProducer.NewOwner()));

        dataverse.Service.Create(new Entity(HouseholdMemberTable.LogicalName)
        {
            [HouseholdMemberTable.Columns.Name] = "老伴 / Spouse",
            [HouseholdMemberTable.Columns.Household] = new EntityReference(HouseholdTable.LogicalName, household),
            [HouseholdMemberTable.Columns.Relationship] = new OptionSetValue(HouseholdRelationship.Spouse),
            [HouseholdMemberTable.Columns.AgeBand] = new OptionSetValue(AgeBand.Senior),
        });

        Assert.Equal(0, dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(1, dataverse.Count(HouseholdMemberTable.LogicalName));
    }
}
