using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.ServiceRequests;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// 管理员 admin (PCRM Admin role, not System Administrator): maintains SLA policies, calendars and points rules and runs
/// the sweeps; owner ID numbers only once added to the sensitive-data field security profile; the ledger never by hand.
/// </summary>
public sealed class AdminPersonaTests
{
    private const string SensitiveProfile = "PCRM 敏感个人信息 Sensitive Personal Data";

    [Fact]
    public void EditConfiguration_PolicyCalendarAndRule_Saved()
    {
        using var world = new PersonaWorld();
        var admin = world.As(world.Admin);
        var rule = world.Dataverse.Seed(new Entity(EarningRuleTable.LogicalName)
        {
            [EarningRuleTable.Columns.Name] = "推荐 Referral",
            [EarningRuleTable.Columns.Rule] = OptionValues.ToOption(EarnRuleCode.Referral),
            [EarningRuleTable.Columns.PointsPerEvent] = 100,
        });

        var policy = admin.Create(new Entity(SlaPolicyTable.LogicalName)
        {
            [SlaPolicyTable.Columns.Name] = "报修 60 分钟 repair 60 min",
            [SlaPolicyTable.Columns.RequestType] = new OptionSetValue(global::PropertyCrm.Schema.OptionSets.RequestType.Repair),
            [SlaPolicyTable.Columns.FirstResponseMinutes] = 60,
        });
        var calendar = admin.Create(new Entity(BusinessCalendarTable.LogicalName)
        {
            [BusinessCalendarTable.Columns.Definition] = ServiceRequestCreateTests.MallCalendar,
        });
        admin.Update(new Entity(EarningRuleTable.LogicalName, rule) { [EarningRuleTable.Columns.PointsPerEvent] = 150 });

        Assert.Equal(60, world.Dataverse.Row(SlaPolicyTable.LogicalName, policy).Get<int>(SlaPolicyTable.Columns.FirstResponseMinutes));
        Assert.Equal("mall-7days", world.Dataverse.Row(BusinessCalendarTable.LogicalName, calendar).Get<string>(BusinessCalendarTable.Columns.Name));
        Assert.Equal(150, world.Dataverse.Row(EarningRuleTable.LogicalName, rule).Get<int>(EarningRuleTable.Columns.PointsPerEvent));
    }

    [Fact]
    public void OwnerIdNumber_WithoutThenWithProfile_HiddenThenReadAndCorrected()
    {
        using var world = new PersonaWorld();
        var owner = QualityAnalystPersonaTests.DataProducerOwnerWithId(world);
        var admin = world.As(world.Admin);
        var columns = new ColumnSet(ContactTable.Columns.IdNumber);

        Assert.False(admin.Retrieve(ContactTable.LogicalName, owner, columns).Contains(ContactTable.Columns.IdNumber));
        PersonaWorld.Refused(DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () =>
            admin.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.IdNumber] = "110101199003071235" }));

        world.Dataverse.AddToFieldSecurityProfile(SensitiveProfile, world.Admin);
        admin.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.IdNumber] = "110101199003071235" });

        Assert.Equal("110101199003071235", admin.Retrieve(ContactTable.LogicalName, owner, columns).GetAttributeValue<string>(ContactTable.Columns.IdNumber));
    }

    [Fact]
    public void CreatePointsEntry_ByHandDespitePrivilege_RefusedByLedgerGuard()
    {
        using var world = new PersonaWorld();
        var entry = LedgerStore.ToRow(world.SunshineOwner, PointsLedgerEntry.Earn(
            LedgerKeys.Earn(EarnRuleCode.Referral, "hand"), 1, EarnRuleCode.Referral, "hand", 5_000,
            world.Dataverse.Clock.UtcNow, global::PropertyCrm.Domain.Loyalty.ChinaDate.Parse("2030-12-31"), "手工 / by hand"));

        var fault = PersonaWorld.Refused(DataverseErrorCodes.IsvAborted, () => world.As(world.Admin).Create(entry));

        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
    }
}
