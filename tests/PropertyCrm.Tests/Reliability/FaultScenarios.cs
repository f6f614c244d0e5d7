using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Plugins.Steps.Kpis;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Plugins.Steps.Owners;
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
        FaultScenario.Asynchronous("Repeat complaint link on cause change (async) / 重复投诉", bed =>
        {
            var complaint = Repair(bed);
            complaint[Requests.RequestType] = new OptionSetValue(Choices.RequestType.Complaint);
            complaint[Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.CustomerService);
            complaint[Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise);
            var agent = bed.Dataverse.ServiceFor(bed.Agent);
            agent.Create(complaint);
            complaint[Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Parking);
            var later = agent.Create(complaint);
            bed.Dataverse.DrainAsyncSteps();
            return () => agent.Update(new Entity(ServiceRequestTable.LogicalName, later) { [Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise) });
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

        FaultScenario.Sweep("SLA sweep, overdue 挽回 / 挽回升级", bed =>
        {
            // One due request and two recovery cases a day and a half overdue (both rungs each): the token crosses the passes.
            bed.Data.OpenEmergencyRequest(bed.Property, new EntityReference(PlatformTables.SystemUser, bed.Agent), Now, 30, "24x7", null, "请求 request");
            for (var i = 0; i < 2; i++)
            {
                bed.Dataverse.Seed(new Entity(RecoveryCaseTable.LogicalName)
                {
                    [RecoveryCaseTable.Columns.Name] = $"挽回 recovery {i + 1}",
                    [RecoveryCaseTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
                    [RecoveryCaseTable.Columns.Reason] = new OptionSetValue(Choices.RecoveryReason.Detractor),
                    [RecoveryCaseTable.Columns.DueOn] = Now,
                    [RecoveryCaseTable.Columns.NextEscalationOn] = Now,
                    [RecoveryCaseTable.Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, bed.Supervisor),
                });
            }

            bed.Dataverse.Clock.SetClock(Now.AddHours(36));
            return () => new OrganizationRequest(RunSlaSweepPlugin.ApiName)
            {
                [RunSlaSweepPlugin.PageSizeParameter] = 1,
                [RunSlaSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),

        FaultScenario.Asynchronous("Repeat complaint link (async) / 重复投诉", bed =>
        {
            bed.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
            {
                [Requests.Name] = "楼上装修噪音 renovation noise",
                [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Complaint),
                [Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise),
                [Requests.Unit] = new EntityReference(UnitTable.LogicalName, bed.Unit),
                [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
                [Requests.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
                [Requests.CreatedOn] = Now.AddDays(-5),
            });
            var complaint = bed.Dataverse.ServiceFor(bed.Agent).Create(new Entity(ServiceRequestTable.LogicalName)
            {
                [Requests.Name] = "夜间噪音又来了 noise again at night",
                [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Complaint),
                [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
                [Requests.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
                [Requests.Unit] = new EntityReference(UnitTable.LogicalName, bed.Unit),
            });
            bed.Dataverse.DrainAsyncSteps();
            return () => bed.Dataverse.ServiceFor(bed.Agent).Update(new Entity(ServiceRequestTable.LogicalName, complaint)
            {
                [Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise),
            });
        }),

        // 回访 follow-ups and recovery
        FaultScenario.Synchronous("Record 回访, fixed (API) / 记录回访接口", bed =>
        {
            var id = ResolvedRepair(bed);
            return () => bed.Dataverse.ServiceFor(bed.Supervisor).Execute(new OrganizationRequest(RecordFollowUpPlugin.ApiName)
            {
                [RecordFollowUpPlugin.ServiceRequestParameter] = new EntityReference(ServiceRequestTable.LogicalName, id),
                [RecordFollowUpPlugin.VerificationParameter] = new OptionSetValue(Choices.FixVerification.Fixed),
                [RecordFollowUpPlugin.SatisfactionParameter] = new OptionSetValue(Choices.Satisfaction.VerySatisfied),
                [RecordFollowUpPlugin.NpsParameter] = 9,
                [RecordFollowUpPlugin.ChannelParameter] = new OptionSetValue(Choices.FollowUpChannel.Phone),
                [RecordFollowUpPlugin.CommentParameter] = "师傅很专业 / the technician was very professional",
            });
        }),
        FaultScenario.Synchronous("Record 回访, not fixed (form) / 回访未解决", bed =>
        {
            var id = ResolvedRepair(bed);
            return () => NotFixed(bed, id);
        }),
        FaultScenario.Synchronous("Close recovery case / 关闭挽回", bed =>
        {
            var id = ResolvedRepair(bed);
            NotFixed(bed, id);
            var recovery = bed.Dataverse.PeekAll(RecoveryCaseTable.LogicalName)[0].Id;
            return () => bed.Dataverse.ServiceFor(bed.Supervisor).Update(new Entity(RecoveryCaseTable.LogicalName, recovery)
            {
                [RecoveryCaseTable.Columns.Outcome] = new OptionSetValue(Choices.RecoveryOutcome.Recovered),
                [RecoveryCaseTable.Columns.OutcomeNotes] = "上门致歉并返修完成,业主认可 / visited, apologised, re-repaired; owner satisfied",
                [RecoveryCaseTable.Columns.StateCode] = new OptionSetValue(RecoveryCaseTable.States.Inactive),
                [RecoveryCaseTable.Columns.StatusCode] = new OptionSetValue(RecoveryCaseTable.StatusReasons.Closed),
            });
        }),
        FaultScenario.Synchronous("Create recovery case by hand / 手工新建挽回", bed => () => bed.Service.Create(new Entity(RecoveryCaseTable.LogicalName)
        {
            // An admin's own case, due time left blank: the create step sets it (24 h) and the sweep's index from it.
            [RecoveryCaseTable.Columns.Name] = "挽回 · 业主来电投诉 owner called to complain",
            [RecoveryCaseTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
            [RecoveryCaseTable.Columns.Reason] = new OptionSetValue(Choices.RecoveryReason.LowSatisfaction),
            [RecoveryCaseTable.Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, bed.Supervisor),
        })),

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

        // Owners' sensitive data (PIPL separate consent)
        FaultScenario.Synchronous("Record ID number with consent / 登记身份证", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Update(new Entity(ContactTable.LogicalName, owner)
            {
                [ContactTable.Columns.IdNumber] = "110101199003071234",
                [ContactTable.Columns.SensitiveDataConsent] = true,
            });
        }),
        FaultScenario.Synchronous("Withdraw sensitive consent / 撤回敏感信息同意", bed =>
        {
            var row = DataProducer.NewOwner();
            row[ContactTable.Columns.IdNumber] = "110101199003071234";
            row[ContactTable.Columns.SensitiveDataConsent] = true;
            var owner = bed.Service.Create(row);
            bed.Data.Household(owner, newbornOn: "2024-11-20");
            return () => bed.Service.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.SensitiveDataConsent] = false });
        }),
        FaultScenario.Synchronous("Record newborn / 登记新生儿", bed =>
        {
            var owner = ConsentingOwner(bed);
            return () => bed.Service.Create(new Entity(HouseholdTable.LogicalName)
            {
                [HouseholdTable.Columns.Name] = "家庭 / Household",
                [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [HouseholdTable.Columns.NewbornOn] = DataProducer.DateOnly("2024-12-20"),
            });
        }),
        FaultScenario.Synchronous("Correct newborn date / 更正新生儿日期", bed =>
        {
            var household = bed.Data.Household(ConsentingOwner(bed), newbornOn: "2024-12-20");
            return () => bed.Service.Update(new Entity(HouseholdTable.LogicalName, household) { [HouseholdTable.Columns.NewbornOn] = DataProducer.DateOnly("2024-12-18") });
        }),
        FaultScenario.Synchronous("Save marketing message / 保存营销消息", bed =>
        {
            var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "陈", [ContactTable.Columns.MarketingConsent] = true });
            return () => bed.Service.Create(OwnerMessage(owner, Choices.MessagePurpose.Marketing));
        }),
        FaultScenario.Synchronous("Turn message into marketing / 改为营销消息", bed =>
        {
            var owner = bed.Dataverse.Seed(new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "陈", [ContactTable.Columns.MarketingConsent] = true });
            var message = bed.Dataverse.Seed(OwnerMessage(owner, Choices.MessagePurpose.ServiceNotice));
            return () => bed.Service.Update(new Entity(OwnerMessageTable.LogicalName, message) { [OwnerMessageTable.Columns.Purpose] = new OptionSetValue(Choices.MessagePurpose.Marketing) });
        }),
        FaultScenario.Synchronous("Close retention case / 关闭挽留案例", bed =>
        {
            var owner = bed.Data.Owner();
            var retention = bed.Dataverse.Seed(new Entity(RetentionCaseTable.LogicalName)
            {
                [RetentionCaseTable.Columns.Name] = "挽留 / Retention",
                [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [RetentionCaseTable.Columns.RiskSince] = DataProducer.DateOnly("2024-12-01"),
                [RetentionCaseTable.Columns.Key] = $"{owner:N}|20241201",
            });
            return () => bed.Service.Update(new Entity(RetentionCaseTable.LogicalName, retention)
            {
                [RetentionCaseTable.Columns.Outcome] = new OptionSetValue(Choices.RetentionOutcome.Retained),
                [RetentionCaseTable.Columns.StateCode] = new OptionSetValue(RetentionCaseTable.States.Inactive),
                [RetentionCaseTable.Columns.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
            });
        }),
        FaultScenario.Synchronous("Record elderly living alone / 登记独居老人", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Create(new Entity(HouseholdTable.LogicalName)
            {
                [HouseholdTable.Columns.Name] = "家庭 / Household",
                [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [HouseholdTable.Columns.LivesAlone] = true,
            });
        }),
        FaultScenario.Synchronous("Mark household living alone / 标记独居", bed =>
        {
            var household = bed.Data.Household(bed.Data.Owner());
            return () => bed.Service.Update(new Entity(HouseholdTable.LogicalName, household) { [HouseholdTable.Columns.LivesAlone] = true });
        }),
        FaultScenario.Synchronous("Delete living-alone household / 删除独居家庭档案", bed =>
        {
            var household = bed.Data.Household(bed.Data.Owner(), livesAlone: true);
            return () => bed.Service.Delete(HouseholdTable.LogicalName, household);
        }),
        FaultScenario.Synchronous("Record minor household member / 登记未成年家庭成员", bed =>
        {
            var household = bed.Data.Household(ConsentingOwner(bed));
            return () => bed.Service.Create(new Entity(HouseholdMemberTable.LogicalName)
            {
                [HouseholdMemberTable.Columns.Name] = "小宝 / Baby",
                [HouseholdMemberTable.Columns.Household] = new EntityReference(HouseholdTable.LogicalName, household),
                [HouseholdMemberTable.Columns.Relationship] = new OptionSetValue(Choices.HouseholdRelationship.Child),
                [HouseholdMemberTable.Columns.AgeBand] = new OptionSetValue(Choices.AgeBand.Infant),
                [HouseholdMemberTable.Columns.BirthDate] = DataProducer.DateOnly("2025-05-20"),
            });
        }),
        FaultScenario.Synchronous("Correct member birth date / 更正成员出生日期", bed =>
        {
            var member = bed.Data.Member(bed.Data.Household(ConsentingOwner(bed)), Choices.AgeBand.Infant, birthDate: "2025-05-20");
            return () => bed.Service.Update(new Entity(HouseholdMemberTable.LogicalName, member) { [HouseholdMemberTable.Columns.BirthDate] = DataProducer.DateOnly("2025-05-18") });
        }),
        FaultScenario.Synchronous("Export owner data (PIPL) / 导出业主数据", bed =>
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            bed.Data.Bill(owner, 200m, new DateTime(2024, 12, 15));
            bed.Data.Household(owner, birthDate: "1965-01-20");
            bed.Data.Occupancy(owner, "2024-03-01");
            return () => Execute(bed, new OrganizationRequest(ExportOwnerDataPlugin.ApiName)
            {
                [ExportOwnerDataPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            });
        }),

        // Butlers and care
        FaultScenario.Asynchronous("Reassign building butler (async) / 更换楼栋管家", bed =>
        {
            var before = bed.Dataverse.CreateUser("原管家 Previous butler");
            var after = bed.Dataverse.CreateUser("新管家 New butler");
            var building = bed.Data.BuildingWithButler(before);
            for (var i = 0; i < 2; i++)
            {
                var unit = bed.Data.UnitIn(building);
                var owner = bed.Data.OwnerMovedIn(null);
                bed.Service.Create(DataProducer.NewOccupancy(owner, unit, "2024-10-01"));
            }

            return () => bed.Service.Update(new Entity(BuildingTable.LogicalName, building) { [BuildingTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, after) });
        }),
        FaultScenario.Sweep("Care planner / 主动关怀计划", bed =>
        {
            var butler = bed.Dataverse.CreateUser("管家 Butler");
            bed.Data.Household(bed.Data.OwnerWithButler("2020-01-10", butler), birthDate: "1965-01-08");
            bed.Data.Household(bed.Data.OwnerWithButler("2019-05-01", butler), birthDate: "1955-01-10");
            bed.Data.OwnerWithButler("2024-12-28", butler);

            // A bill overdue since yesterday (the 催缴 reminder) and an owner at churn risk (the retention case).
            bed.Data.Bill(bed.Data.OwnerWithButler("2021-03-01", butler), 300m, Now.Date.AddDays(-2));
            bed.Dataverse.Seed(new Entity(ContactTable.LogicalName)
            {
                [ContactTable.Columns.LastName] = "流失风险 / At risk",
                [ContactTable.Columns.MoveInDate] = DataProducer.DateOnly("2021-04-01"),
                [ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler),
                [ContactTable.Columns.ChurnRisk] = true,
                [ContactTable.Columns.ChurnRiskSince] = Now.Date.AddDays(-1),
            });
            return () => new OrganizationRequest(RunCarePlannerPlugin.ApiName)
            {
                [OwnerSweepPlugin.PageSizeParameter] = 1,
                [OwnerSweepPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),
        FaultScenario.Sweep("KPI snapshot / KPI 快照", bed =>
        {
            var second = bed.Data.Property("金桂苑 Osmanthus Court");
            foreach (var property in new[] { bed.Property, second })
            {
                bed.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
                {
                    [Requests.Name] = "门锁损坏 broken lock",
                    [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
                    [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
                    [Requests.Property] = new EntityReference(PropertyTable.LogicalName, property),
                    [Requests.CreatedOn] = new DateTime(2024, 12, 10, 2, 0, 0, DateTimeKind.Utc),
                    [Requests.AcceptedOn] = new DateTime(2024, 12, 10, 2, 20, 0, DateTimeKind.Utc),
                    [Requests.ResolvedOn] = new DateTime(2024, 12, 10, 6, 0, 0, DateTimeKind.Utc),
                });
            }

            return () => new OrganizationRequest(RunKpiSnapshotPlugin.ApiName)
            {
                [RunKpiSnapshotPlugin.MonthParameter] = "2024-12",
                [RunKpiSnapshotPlugin.TimeBudgetSecondsParameter] = 0,
            };
        }),

        // Community
        FaultScenario.Synchronous("Register for event / 活动报名", bed =>
        {
            var owner = bed.Data.Owner();
            var communityEvent = CommunityEvent(bed);
            return () => bed.Service.Create(Registration(owner, communityEvent));
        }),
        FaultScenario.Synchronous("Check in at event / 活动签到", bed =>
        {
            var attendance = bed.Service.Create(Registration(bed.Data.Owner(), CommunityEvent(bed)));
            return () => bed.Service.Update(new Entity(EventAttendanceTable.LogicalName, attendance) { [EventAttendanceTable.Columns.Status] = new OptionSetValue(Choices.AttendanceStatus.CheckedIn) });
        }),
        FaultScenario.Synchronous("Submit suggestion / 提交建议", bed =>
        {
            var owner = bed.Data.Owner();
            return () => bed.Service.Create(Suggestion(owner));
        }),
        FaultScenario.Synchronous("Adopt suggestion / 采纳建议", bed =>
        {
            var suggestion = bed.Service.Create(Suggestion(bed.Data.Owner()));
            return () => bed.Service.Update(new Entity(SuggestionTable.LogicalName, suggestion)
            {
                [SuggestionTable.Columns.Status] = new OptionSetValue(Choices.SuggestionStatus.Adopted),
                [SuggestionTable.Columns.Answer] = "已采纳:下月起增设 20 个充电桩。/ Adopted: 20 more chargers from next month.",
            });
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

    /// <summary>A repair of an owner, accepted, dispatched to the technician, in progress and resolved by the agent with its work done; its 回访 is pending.</summary>
    private static Guid ResolvedRepair(ScenarioBed bed)
    {
        var owner = bed.Data.Owner();
        var repair = Repair(bed);
        repair[Requests.Contact] = new EntityReference(ContactTable.LogicalName, owner);
        var id = bed.Dataverse.ServiceFor(bed.Agent).Create(repair);
        Move(bed, id, ServiceRequestTable.StatusReasons.Accepted);
        Move(bed, id, ServiceRequestTable.StatusReasons.InProgress);
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(2));
        Resolve(bed, id);
        return id;
    }

    /// <summary>The supervisor (not the resolver) records on the 回访 form: not fixed, dissatisfied, NPS 3 (a detractor), one save.</summary>
    private static void NotFixed(ScenarioBed bed, Guid request)
    {
        var followUp = bed.Dataverse.Peek(ServiceRequestTable.LogicalName, request)!.GetAttributeValue<EntityReference>(Requests.LastFollowUp).Id;
        bed.Dataverse.ServiceFor(bed.Supervisor).Update(new Entity(FollowUpTable.LogicalName, followUp)
        {
            [FollowUpTable.Columns.Verification] = new OptionSetValue(Choices.FixVerification.NotFixed),
            [FollowUpTable.Columns.Satisfaction] = new OptionSetValue(Choices.Satisfaction.Dissatisfied),
            [FollowUpTable.Columns.Nps] = 3,
            [FollowUpTable.Columns.Channel] = new OptionSetValue(Choices.FollowUpChannel.Phone),
            [FollowUpTable.Columns.Comment] = "还在漏水 / still leaking",
            [FollowUpTable.Columns.StateCode] = new OptionSetValue(FollowUpTable.States.Inactive),
            [FollowUpTable.Columns.StatusCode] = new OptionSetValue(FollowUpTable.StatusReasons.Completed),
        });
    }

    private static Guid ConsentingOwner(ScenarioBed bed)
    {
        var row = DataProducer.NewOwner();
        row[ContactTable.Columns.SensitiveDataConsent] = true;
        return bed.Dataverse.Seed(row);
    }

    private static Guid CommunityEvent(ScenarioBed bed) => bed.Dataverse.Seed(new Entity(CommunityEventTable.LogicalName)
    {
        [CommunityEventTable.Columns.Name] = "中秋游园会 / Mid-Autumn fair",
        [CommunityEventTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
        [CommunityEventTable.Columns.EventType] = new OptionSetValue(Choices.CommunityEventType.Festival),
        [CommunityEventTable.Columns.StartsOn] = new DateTime(2025, 1, 20, 10, 0, 0, DateTimeKind.Utc),
        [CommunityEventTable.Columns.Capacity] = 50,
    });

    private static Entity Registration(Guid owner, Guid communityEvent) => new(EventAttendanceTable.LogicalName)
    {
        [EventAttendanceTable.Columns.Name] = "报名 / Registration",
        [EventAttendanceTable.Columns.Event] = new EntityReference(CommunityEventTable.LogicalName, communityEvent),
        [EventAttendanceTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
    };

    private static Entity Suggestion(Guid owner) => new(SuggestionTable.LogicalName)
    {
        [SuggestionTable.Columns.Name] = "增设充电桩 / More EV chargers",
        [SuggestionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [SuggestionTable.Columns.Content] = "地下车库充电桩太少,晚上经常排队。/ Too few chargers in the garage.",
    };

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

    private static Entity OwnerMessage(Guid owner, int purpose) => new(OwnerMessageTable.LogicalName)
    {
        [OwnerMessageTable.Columns.Name] = "社区活动邀请 / Event invitation",
        [OwnerMessageTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [OwnerMessageTable.Columns.Purpose] = new OptionSetValue(purpose),
        [OwnerMessageTable.Columns.Channel] = new OptionSetValue(Choices.MessageChannel.WeChat),
        [OwnerMessageTable.Columns.Text] = "中秋游园会邀请您参加。",
        [OwnerMessageTable.Columns.DeliveryStatus] = new OptionSetValue(Choices.MessageDeliveryStatus.Pending),
    };
}
