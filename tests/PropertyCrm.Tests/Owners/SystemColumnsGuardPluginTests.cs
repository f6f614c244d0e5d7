using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ContactTable.Columns;
using Options = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Tests.Owners;

/// <summary>The owner's code-maintained columns through the real pipeline: users and flows (depth 1) cannot write them,
/// PropertyCrm's own steps (depth ≥ 2) can.</summary>
public sealed class SystemColumnsGuardPluginTests : IDisposable
{
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    public void Dispose() => cacheScope.Dispose();

    public static TheoryData<string, object> EditableByNoOne => new()
    {
        { Columns.PointsBalance, 5_000 },
        { Columns.Tier, OptionValues.ToOption(OwnerTier.Diamond) },
        { Columns.TierChangedOn, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        { Columns.Rolling12MonthPaid, new Money(9_999m) },
        { Columns.OnTimeRatio, 1m },
        { Columns.ConsecutiveUnpaidMonths, 0 },
        { Columns.LifecycleStage, new OptionSetValue(Options.LifecycleStage.Stable) },
        { Columns.LifecycleChangedOn, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        { Columns.ChurnRisk, false },
        { Columns.ChurnRiskSince, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
    };

    [Theory]
    [MemberData(nameof(EditableByNoOne))]
    public void Update_SystemColumnByUser_RefusedBilinguallyAndNothingSaved(string column, object value)
    {
        var owner = Owner();

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(ContactTable.LogicalName, owner)
        {
            [Columns.MobilePhone] = "13900000000",
            [column] = value,
        }));

        Assert.Contains("由系统维护", fault.Message);
        Assert.Contains("maintained by the system", fault.Message);
        Assert.Contains(column, fault.Message);
        var saved = dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.Equal("13800000000", saved.GetAttributeValue<string>(Columns.MobilePhone));
        Assert.Equal(120, saved.GetAttributeValue<int>(Columns.PointsBalance));
    }

    [Fact]
    public void Update_StoredValuesSentBack_Allowed()
    {
        var owner = dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [Columns.LastName] = "王",
            [Columns.MobilePhone] = "13800000000",
            [Columns.PointsBalance] = 120,
            [Columns.Tier] = OptionValues.ToOption(OwnerTier.Gold),
            [Columns.Rolling12MonthPaid] = new Money(3_600m),
            [Columns.TierChangedOn] = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        });

        // What an Excel round trip or a whole-row flow sends: every column, the system ones unchanged.
        dataverse.Service.Update(new Entity(ContactTable.LogicalName, owner)
        {
            [Columns.MobilePhone] = "13900000000",
            [Columns.PointsBalance] = 120,
            [Columns.Tier] = OptionValues.ToOption(OwnerTier.Gold),
            [Columns.Rolling12MonthPaid] = new Money(3_600m),
            [Columns.TierChangedOn] = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            [Columns.ChurnRisk] = null,
        });

        Assert.Equal("13900000000", dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<string>(Columns.MobilePhone));
        Assert.Contains(dataverse.LastExecution.Traces, t => t.PluginType == typeof(SystemColumnsGuardPlugin));
    }

    [Fact]
    public void Update_OrdinaryColumns_DoesNotRunTheGuard()
    {
        var owner = Owner();

        dataverse.Service.Update(new Entity(ContactTable.LogicalName, owner) { [Columns.MobilePhone] = "13900000000" });

        Assert.DoesNotContain(dataverse.LastExecution.Traces, t => t.PluginType == typeof(SystemColumnsGuardPlugin));
    }

    [Fact]
    public void Create_WithPointsBalance_Refused()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(ContactTable.LogicalName)
        {
            [Columns.LastName] = "李",
            [Columns.PointsBalance] = 300,
        }));

        Assert.Contains("积分余额", fault.Message);
        Assert.Contains("points balance", fault.Message);
        Assert.Equal(0, dataverse.Count(ContactTable.LogicalName));
    }

    [Fact]
    public void Create_WithImportedTierAndZeroBalance_Saved()
    {
        var id = dataverse.Service.Create(new Entity(ContactTable.LogicalName)
        {
            [Columns.LastName] = "李",
            [Columns.Tier] = OptionValues.ToOption(OwnerTier.Gold),
            [Columns.PointsBalance] = 0,
        });

        Assert.Equal(OwnerTier.Gold, OptionValues.Read<OwnerTier>(dataverse.Peek(ContactTable.LogicalName, id), Columns.Tier));
    }

    [Fact]
    public void AwardPoints_StepsWriteBalanceAndStanding_PassTheGuard()
    {
        var owner = Owner();

        dataverse.Service.Execute(new OrganizationRequest(AwardPointsPlugin.ApiName)
        {
            [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Options.EarnRule.SurveyCompleted),
            [AwardPointsPlugin.SourceIdParameter] = "survey-7",
        });

        // The seeded 120 is not backed by ledger entries: the award writes the ledger's sum (the survey's 20).
        Assert.Equal(20, dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<int>(Columns.PointsBalance));
        Assert.Contains(dataverse.LastExecution.Traces, t => t.PluginType == typeof(SystemColumnsGuardPlugin));
    }

    private Guid Owner() => dataverse.Seed(new Entity(ContactTable.LogicalName)
    {
        [Columns.LastName] = "王",
        [Columns.MobilePhone] = "13800000000",
        [Columns.PointsBalance] = 120,
    });
}
