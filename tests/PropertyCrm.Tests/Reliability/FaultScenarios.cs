using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.ServiceRequests;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// The scenario registry: for every step, Custom API and sweep of the catalog, an operation that runs it with its
/// arrange-data. <c>FaultInjectionTests.Catalog_EveryEntry_ReachedByAScenario</c> lists catalog entries no scenario
/// reaches, so a new step or Custom API fails the build until it gets a scenario here: add one line with the act that
/// makes it run (seed with <see cref="DataProducer"/>, act as the admin unless the step cares who acts).
/// </summary>
internal static class FaultScenarios
{
    private static readonly DateTime Now = HarnessClock.DefaultStart;

    public static IReadOnlyList<FaultScenario> All { get; } = new[]
    {
        // Owners
        FaultScenario.Synchronous("Create owner with consent / 新建业主", bed => () => bed.Service.Create(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "陈",
            [ContactTable.Columns.MarketingConsent] = true,
        })),
        FaultScenario.Synchronous("Withdraw owner's consent / 撤回同意", bed =>
        {
            var owner = bed.Data.Owner();
            bed.Dataverse.Seed(new Entity(LoyaltyAccountTable.LogicalName)
            {
                [LoyaltyAccountTable.Columns.Name] = "账户",
                [LoyaltyAccountTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            });
            return () => bed.Service.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.MarketingConsent] = false, [ContactTable.Columns.FirstName] = "小明" });
        }),
        FaultScenario.Synchronous("Record occupancy / 登记入住", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Create(new Entity(OccupancyTable.LogicalName)
            {
                [OccupancyTable.Columns.Name] = "住户 / Occupancy",
                [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [OccupancyTable.Columns.StartDate] = DataProducer.DateOnly("2024-03-01"),
            });
        }),
        FaultScenario.Synchronous("End occupancy / 结束入住", bed =>
        {
            var occupancy = bed.Data.Occupancy(bed.Data.Owner(), "2024-03-01");
            return () => bed.Service.Update(new Entity(OccupancyTable.LogicalName, occupancy) { [OccupancyTable.Columns.EndDate] = DataProducer.DateOnly("2024-12-31") });
        }),
        FaultScenario.Synchronous("Erase owner (PIPL) / 删除业主", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var bill = bed.Data.Bill(owner, 200m, new DateTime(2024, 12, 15));
            var payment = DataProducer.NewPayment(bill, 200m, new DateTime(2024, 12, 10, 2, 0, 0, DateTimeKind.Utc));
            payment[FeePaymentTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
            bed.Dataverse.Seed(payment);
            bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100, stock: 5), quantity: 1));
            return () => bed.Service.Delete(ContactTable.LogicalName, owner);
        }),

        // Service requests
        FaultScenario.Synchronous("Log repair / 报修", bed => () => bed.Dataverse.ServiceFor(bed.Agent).Create(Repair(bed))),
        FaultScenario.Synchronous("Accept and dispatch repair / 受理派工", bed =>
        {
            DispatchRule(bed);
            var id = bed.Dataverse.ServiceFor(bed.Agent).Create(Repair(bed));
            return () => Move(bed, id, ServiceRequestTable.StatusReasons.Accepted);
        }),
        FaultScenario.Synchronous("Resolve repair / 解决", bed =>
        {
            var id = bed.Dataverse.ServiceFor(bed.Agent).Create(Repair(bed));
            Move(bed, id, ServiceRequestTable.StatusReasons.Accepted);
            Move(bed, id, ServiceRequestTable.StatusReasons.InProgress);
            bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(1));
            return () => Resolve(bed, id);
        }),
        FaultScenario.Asynchronous("Repeat request link (async) / 重复报事", bed =>
        {
            bed.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
            {
                [Requests.Name] = "earlier",
                [Requests.Unit] = new EntityReference(UnitTable.LogicalName, bed.Unit),
                [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
                [Requests.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
                [Requests.CreatedOn] = Now.AddDays(-2),
            });
            return () => bed.Dataverse.ServiceFor(bed.Agent).Create(Repair(bed));
        }),
        FaultScenario.Synchronous("Calculate deadline / 计算期限", bed => () => Execute(bed, new OrganizationRequest(CalculateDeadlinePlugin.ApiName)
        {
            [CalculateDeadlinePlugin.StartParameter] = Now,
            [CalculateDeadlinePlugin.WorkingMinutesParameter] = 600,
            [CalculateDeadlinePlugin.CalendarParameter] = "cn-workdays",
        })),
        FaultScenario.Sweep("SLA sweep / SLA 扫描", bed =>
        {
            for (var i = 0; i < 3; i++)
            {
                bed.Data.OpenEmergencyRequest(bed.Property, new EntityReference(PlatformTables.SystemUser, bed.Agent), Now, 30, "24x7", null, $"请求 request {i + 1}");
            }

            bed.Dataverse.Clock.SetClock(Now.AddMinutes(61));
            return () => new OrganizationRequest(RunSlaSweepPlugin.ApiName)
            {
                [RunSlaSweepPlugin.PageSizeParameter] = 1,
                [RunSlaSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),

        // Configuration
        FaultScenario.Synchronous("Create SLA policy / 新建 SLA 策略", bed => () => bed.Service.Create(new Entity(SlaPolicyTable.LogicalName)
        {
            [SlaPolicyTable.Columns.Name] = "报修 60 分钟 repair 60 min",
            [SlaPolicyTable.Columns.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
            [SlaPolicyTable.Columns.FirstResponseMinutes] = 60,
        })),
        FaultScenario.Synchronous("Change SLA policy / 修改 SLA 策略", bed =>
        {
            var policy = bed.Data.SlaPolicy("报修 repair", requestType: Choices.RequestType.Repair, firstResponseMinutes: 60);
            return () => bed.Service.Update(new Entity(SlaPolicyTable.LogicalName, policy) { [SlaPolicyTable.Columns.FirstResponseMinutes] = 45 });
        }),
        FaultScenario.Synchronous("Create business calendar / 新建工作日历", bed => () => bed.Service.Create(new Entity(BusinessCalendarTable.LogicalName)
        {
            [BusinessCalendarTable.Columns.Definition] = ServiceRequestCreateTests.MallCalendar,
        })),
        FaultScenario.Synchronous("Change business calendar / 修改工作日历", bed =>
        {
            var calendar = bed.Data.BusinessCalendar("mall-7days", ServiceRequestCreateTests.MallCalendar);
            return () => bed.Service.Update(new Entity(BusinessCalendarTable.LogicalName, calendar)
            {
                [BusinessCalendarTable.Columns.Definition] = ServiceRequestCreateTests.MallCalendar.Replace("10:00-22:00", "09:00-21:00", StringComparison.Ordinal),
            });
        }),
        FaultScenario.Synchronous("Create dispatch rule / 新建派工规则", bed => () => bed.Service.Create(NewDispatchRule(bed))),
        FaultScenario.Synchronous("Change dispatch rule / 修改派工规则", bed =>
        {
            var rule = DispatchRule(bed);
            return () => bed.Service.Update(new Entity(DispatchRuleTable.LogicalName, rule) { [DispatchRuleTable.Columns.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance) });
        }),
        FaultScenario.Synchronous("Delete dispatch rule / 删除派工规则", bed =>
        {
            var rule = DispatchRule(bed);
            return () => bed.Service.Delete(DispatchRuleTable.LogicalName, rule);
        }),
        FaultScenario.Synchronous("Create earning rule / 新建积分规则", bed => () => bed.Service.Create(new Entity(EarningRuleTable.LogicalName)
        {
            [EarningRuleTable.Columns.Name] = "推荐 Referral",
            [EarningRuleTable.Columns.Rule] = OptionValues.ToOption(EarnRuleCode.Referral),
            [EarningRuleTable.Columns.PointsPerEvent] = 100,
        })),
        FaultScenario.Synchronous("Change earning rule / 修改积分规则", bed =>
        {
            var rule = bed.Dataverse.Seed(new Entity(EarningRuleTable.LogicalName)
            {
                [EarningRuleTable.Columns.Name] = "推荐 Referral",
                [EarningRuleTable.Columns.Rule] = OptionValues.ToOption(EarnRuleCode.Referral),
                [EarningRuleTable.Columns.PointsPerEvent] = 100,
            });
            return () => bed.Service.Update(new Entity(EarningRuleTable.LogicalName, rule) { [EarningRuleTable.Columns.PointsPerEvent] = 150 });
        }),
        FaultScenario.Synchronous("Create tier policy / 新建等级政策", bed => () => bed.Service.Create(new Entity(TierPolicyTable.LogicalName)
        {
            [TierPolicyTable.Columns.Name] = "等级政策 Tier policy",
        })),
        FaultScenario.Synchronous("Change tier policy / 修改等级政策", bed =>
        {
            var policy = bed.Dataverse.Seed(new Entity(TierPolicyTable.LogicalName) { [TierPolicyTable.Columns.Name] = "等级政策 Tier policy" });
            return () => bed.Service.Update(new Entity(TierPolicyTable.LogicalName, policy) { [TierPolicyTable.Columns.Name] = "等级政策 2025" });
        }),

        // Fees and points
        FaultScenario.Synchronous("Record fee payment / 登记缴费", bed =>
        {
            var owner = bed.Data.Owner();
            var bill = bed.Data.Bill(owner, 1_000m, new DateTime(2025, 1, 31));
            return () => bed.Service.Create(Payment(bed, bill, owner, 1_000m));
        }),
        FaultScenario.Refused("Edit recorded payment (refused) / 修改已登记缴费", bed =>
        {
            var owner = bed.Data.Owner();
            var bill = bed.Data.Bill(owner, 1_000m, new DateTime(2025, 1, 31));
            var payment = bed.Service.Create(Payment(bed, bill, owner, 1_000m));
            return () => bed.Service.Update(new Entity(FeePaymentTable.LogicalName, payment) { [FeePaymentTable.Columns.Amount] = new Money(900m) });
        }),
        FaultScenario.Synchronous("Delete fee payment / 删除缴费", bed =>
        {
            var owner = bed.Data.Owner();
            var bill = bed.Data.Bill(owner, 1_000m, new DateTime(2025, 1, 31));
            var payment = bed.Service.Create(Payment(bed, bill, owner, 1_000m));
            return () => bed.Service.Delete(FeePaymentTable.LogicalName, payment);
        }),
        FaultScenario.Synchronous("Delete unpaid bill / 删除未缴账单", bed =>
        {
            var bill = bed.Data.Bill(bed.Data.Owner(), 200m, new DateTime(2025, 1, 31));
            return () => bed.Service.Delete(FeeBillTable.LogicalName, bill);
        }),
        FaultScenario.Synchronous("Award points / 发放积分", bed =>
        {
            var owner = bed.Data.Owner();
            return () => Execute(bed, new OrganizationRequest(AwardPointsPlugin.ApiName)
            {
                [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
                [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Choices.EarnRule.SurveyCompleted),
                [AwardPointsPlugin.SourceIdParameter] = "survey-7",
            });
        }),
        FaultScenario.Synchronous("Recalculate tier / 重算等级", bed =>
        {
            var owner = bed.Data.Owner();
            bed.Data.MonthlyBills(owner, "2024-01", "2024-12");
            return () => Execute(bed, new OrganizationRequest(RecalculateTierPlugin.ApiName)
            {
                [RecalculateTierPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            });
        }),
        FaultScenario.Synchronous("Reverse points entry / 冲正积分", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var entry = bed.Dataverse.PeekAll(PointsEntryTable.LogicalName)[0].Id;
            _ = owner;
            return () => Execute(bed, new OrganizationRequest(ReversePointsEntryPlugin.ApiName)
            {
                [ReversePointsEntryPlugin.EntryParameter] = new EntityReference(PointsEntryTable.LogicalName, entry),
                [ReversePointsEntryPlugin.ReasonParameter] = "录入错误 / entered in error",
            });
        }),
        FaultScenario.Refused("Create points entry by hand (refused) / 手工记账", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Create(new Entity(PointsEntryTable.LogicalName)
            {
                [PointsEntryTable.Columns.Name] = "手工 / by hand",
                [PointsEntryTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [PointsEntryTable.Columns.Points] = 5_000,
            });
        }),
        FaultScenario.Refused("Edit points entry (refused) / 修改积分流水", bed =>
        {
            bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var entry = bed.Dataverse.PeekAll(PointsEntryTable.LogicalName)[0].Id;
            return () => bed.Service.Update(new Entity(PointsEntryTable.LogicalName, entry) { [PointsEntryTable.Columns.Points] = 3_000 });
        }),
        FaultScenario.Refused("Delete points entry (refused) / 删除积分流水", bed =>
        {
            bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var entry = bed.Dataverse.PeekAll(PointsEntryTable.LogicalName)[0].Id;
            return () => bed.Service.Delete(PointsEntryTable.LogicalName, entry);
        }),
        FaultScenario.Refused("Create loyalty account by hand (refused) / 手工建账户", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Create(new Entity(LoyaltyAccountTable.LogicalName)
            {
                [LoyaltyAccountTable.Columns.Name] = "账户",
                [LoyaltyAccountTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            });
        }),
        FaultScenario.Refused("Edit loyalty account (refused) / 修改账户", bed =>
        {
            var account = bed.Data.LoyaltyAccount(bed.Data.Owner());
            return () => bed.Service.Update(new Entity(LoyaltyAccountTable.LogicalName, account) { [LoyaltyAccountTable.Columns.LockedOn] = Now });
        }),
        FaultScenario.Refused("Delete loyalty account (refused) / 删除账户", bed =>
        {
            var account = bed.Data.LoyaltyAccount(bed.Data.Owner());
            return () => bed.Service.Delete(LoyaltyAccountTable.LogicalName, account);
        }),
        FaultScenario.Sweep("Points expiry sweep / 积分过期", bed =>
        {
            bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2024-12-31"), (50, "2026-12-31"));
            bed.Data.OwnerWithPoints(OwnerTier.Standard, (70, "2024-12-31"));
            bed.Data.OwnerWithPoints(OwnerTier.Standard, (30, "2026-12-31"));
            return () => new OrganizationRequest(RunPointsExpiryPlugin.ApiName)
            {
                [OwnerSweepPlugin.PageSizeParameter] = 1,
                [OwnerSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),
        FaultScenario.Sweep("Tier review sweep / 等级复核", bed =>
        {
            for (var i = 0; i < 3; i++)
            {
                var owner = bed.Data.Owner();
                bed.Data.MonthlyBills(owner, "2024-01", "2024-12", i == 2 ? new[] { "2024-11", "2024-12" } : Array.Empty<string>());
            }

            return () => new OrganizationRequest(RunTierReviewPlugin.ApiName)
            {
                [OwnerSweepPlugin.PageSizeParameter] = 1,
                [OwnerSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),
        FaultScenario.Sweep("Lifecycle review sweep / 生命周期复核", bed =>
        {
            var newcomer = bed.Data.OwnerMovedIn("2024-12-01");
            bed.Data.Occupancy(newcomer, "2024-12-01");
            var settled = bed.Data.OwnerMovedIn("2022-01-01");
            bed.Data.Occupancy(settled, "2022-01-01");
            bed.Data.MonthlyBills(settled, "2024-07", "2024-12", "2024-10", "2024-11", "2024-12");
            var gone = bed.Data.OwnerMovedIn("2020-01-01");
            bed.Data.Occupancy(gone, "2020-01-01", "2024-06-30");
            return () => new OrganizationRequest(RunLifecycleReviewPlugin.ApiName)
            {
                [OwnerSweepPlugin.PageSizeParameter] = 1,
                [OwnerSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),

        // Rewards
        FaultScenario.Synchronous("Redeem reward (form) / 兑换", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var reward = bed.Data.Reward(cost: 100, stock: 5);
            return () => bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 2));
        }),
        FaultScenario.Synchronous("Redeem reward (API) / 兑换接口", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var reward = bed.Data.Reward(cost: 100, stock: 5);
            return () => Execute(bed, new OrganizationRequest(RedeemRewardPlugin.ApiName)
            {
                [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
                [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, reward),
                [RedeemRewardPlugin.QuantityParameter] = 1,
            });
        }),
        FaultScenario.Synchronous("Cancel redemption / 取消兑换", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var redemption = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100, stock: 5), quantity: 2));
            return () => bed.Service.Update(new Entity(RedemptionTable.LogicalName, redemption)
            {
                [RedemptionTable.Columns.StatusCode] = new OptionSetValue(RedemptionTable.StatusReasons.Cancelled),
            });
        }),
        FaultScenario.Refused("Edit redemption (refused) / 修改兑换", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var redemption = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100, stock: 5), quantity: 2));
            return () => bed.Service.Update(new Entity(RedemptionTable.LogicalName, redemption) { [RedemptionTable.Columns.Quantity] = 1 });
        }),
        FaultScenario.Refused("Delete redemption (refused) / 删除兑换", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var redemption = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100, stock: 5), quantity: 2));
            return () => bed.Service.Delete(RedemptionTable.LogicalName, redemption);
        }),
    };

    private static void Execute(ScenarioBed bed, OrganizationRequest request) => bed.Service.Execute(request);

    private static Entity Repair(ScenarioBed bed) => new(ServiceRequestTable.LogicalName)
    {
        [Requests.Name] = "3-1-802 水管漏水 pipe leak",
        [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
        [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
        [Requests.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
        [Requests.Unit] = new EntityReference(UnitTable.LogicalName, bed.Unit),
    };

    private static void Move(ScenarioBed bed, Guid id, int status) => bed.Dataverse.ServiceFor(bed.Agent).Update(new Entity(ServiceRequestTable.LogicalName, id)
    {
        [Requests.StatusCode] = new OptionSetValue(status),
    });

    /// <summary>Resolves as the repair path requires (SlaTestBed.Resolve): with the work done on record.</summary>
    private static void Resolve(ScenarioBed bed, Guid id) => bed.Dataverse.ServiceFor(bed.Agent).Update(new Entity(ServiceRequestTable.LogicalName, id)
    {
        [Requests.StatusCode] = new OptionSetValue(ServiceRequestTable.StatusReasons.Resolved),
        [Requests.WorkDone] = SlaTestBed.WorkDone,
    });

    private static Entity NewDispatchRule(ScenarioBed bed) => new(DispatchRuleTable.LogicalName)
    {
        [DispatchRuleTable.Columns.Name] = "水电 plumbing",
        [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
        [DispatchRuleTable.Columns.Technician] = new EntityReference(PlatformTables.SystemUser, bed.Technician),
    };

    private static Guid DispatchRule(ScenarioBed bed) => bed.Dataverse.Seed(NewDispatchRule(bed));

    private static Entity Payment(ScenarioBed bed, Guid bill, Guid owner, decimal amount)
    {
        var payment = DataProducer.NewPayment(bill, amount, bed.Dataverse.Clock.UtcNow);
        payment[FeePaymentTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
        return payment;
    }
}
