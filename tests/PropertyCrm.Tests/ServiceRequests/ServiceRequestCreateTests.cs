using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Logging a request through the real Create pipeline: urgency, targets, deadlines, first-contact owner, budgets.</summary>
public sealed class ServiceRequestCreateTests
{
    /// <summary>Type, title, logged at (Beijing), urgency, policy, FR due, FR calendar, resolution due, resolution calendar.</summary>
    public static TheoryData<int, string, string, int, string, string, string, string, string> DefaultPolicies => new()
    {
        // 紧急 emergency: 30 min response, 4 h resolution, both 24x7.
        { Type.Repair, "厨房漏水,楼下天花板在滴水", "2025-01-06T09:00+08:00", Choices.Urgency.Emergency, "紧急 emergency", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-06T13:00:00+08:00", "24x7" },
        // A leak reported on a Saturday night is still 30 minutes: 24x7.
        { Type.Repair, "电梯困人", "2025-01-11T22:00+08:00", Choices.Urgency.Emergency, "紧急 emergency", "2025-01-11T22:30:00+08:00", "24x7", "2025-01-12T02:00:00+08:00", "24x7" },
        // 报修 repair: 30 min response on 24x7 (24小时服务热线), 24 h of service hours (08:00-20:00 daily) resolution.
        { Type.Repair, "门锁坏了", "2025-01-06T09:00+08:00", Choices.Urgency.Normal, "报修 repair", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-08T09:00:00+08:00", "service-hours" },
        // Logged Friday 17:30: answered at 18:00 the same evening, resolved on Sunday (service centres work weekends).
        { Type.Repair, "门锁坏了", "2025-01-10T17:30+08:00", Choices.Urgency.Normal, "报修 repair", "2025-01-10T18:00:00+08:00", "24x7", "2025-01-12T17:30:00+08:00", "service-hours" },
        // 投诉 complaint: acknowledged in 30 min (24x7), solution in 3 working days (27 h).
        { Type.Complaint, "夜间噪音扰民", "2025-01-06T09:00+08:00", Choices.Urgency.Normal, "投诉 complaint", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-08T18:00:00+08:00", "cn-workdays" },
        // …across the 2026 Spring Festival: Sat 14 Feb is a 调休 working day, 15–23 Feb are off.
        { Type.Complaint, "保安态度差", "2026-02-13T10:00+08:00", Choices.Urgency.Normal, "投诉 complaint", "2026-02-13T10:30:00+08:00", "24x7", "2026-02-25T10:00:00+08:00", "cn-workdays" },
        // 咨询 inquiry: 30 min, 1 working day.
        { Type.Inquiry, "物业费怎么交", "2025-01-06T09:00+08:00", Choices.Urgency.Normal, "咨询 inquiry", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-06T18:00:00+08:00", "cn-workdays" },
        // 加急 urgent ("堵塞"): 30 min, 1 working day, whatever the type; the urgent policy sets no on-site target, so the
        // repair's 2 h on-site comes from 报修 repair and both policies are named.
        { Type.Repair, "下水道堵塞", "2025-01-06T09:00+08:00", Choices.Urgency.Urgent, "加急 urgent / 报修 repair", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-06T18:00:00+08:00", "cn-workdays" },
        // 默认 default: 30 min, 3 working days.
        { Type.Payment, "开具物业费发票", "2025-01-06T09:00+08:00", Choices.Urgency.Normal, "默认 default", "2025-01-06T09:30:00+08:00", "24x7", "2025-01-08T18:00:00+08:00", "cn-workdays" },
    };

    [Theory]
    [MemberData(nameof(DefaultPolicies))]
    public void Create_DefaultPolicies_SetsTargetsDeadlinesAndStatus(
        int requestType, string title, string loggedAt, int urgency, string policy, string firstResponseDue, string firstResponseCalendar, string resolutionDue, string resolutionCalendar)
    {
        using var bed = new SlaTestBed();
        bed.At(loggedAt);

        var id = bed.Log(requestType, title);

        var row = bed.Row(id);
        Assert.Equal(urgency, bed.Option(id, Columns.Urgency));
        Assert.Equal(policy, row.GetAttributeValue<string>(Columns.SlaPolicyName));
        Assert.Equal(firstResponseDue, bed.Local(id, Columns.FirstResponseDueOn));
        Assert.Equal(firstResponseCalendar, row.GetAttributeValue<string>(Columns.FirstResponseCalendar));
        Assert.Equal(resolutionDue, bed.Local(id, Columns.ResolutionDueOn));
        Assert.Equal(resolutionCalendar, row.GetAttributeValue<string>(Columns.ResolutionCalendar));
        Assert.Equal(Choices.SlaStatus.InProgress, bed.Option(id, Columns.FirstResponseStatus));
        Assert.Equal(Choices.SlaStatus.InProgress, bed.Option(id, Columns.ResolutionStatus));
        Assert.Equal(0, row.GetAttributeValue<int?>(Columns.FirstResponsePausedMinutes));
        Assert.Equal(bed.Dataverse.Clock.UtcNow, row.GetAttributeValue<DateTime?>(Columns.SlaStartedOn));
        Assert.Equal(Status.New, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Create_Emergency_WarningAt75PercentAndNextEscalationIsTheEarliestRung()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Repair, "卫生间漏水");

        Assert.Equal("2025-01-06T09:22:30+08:00", bed.Local(id, Columns.FirstResponseWarningOn));
        Assert.Equal("2025-01-06T12:00:00+08:00", bed.Local(id, Columns.ResolutionWarningOn));
        Assert.Equal("2025-01-06T09:22:30+08:00", bed.Local(id, Columns.NextEscalationOn));
        Assert.Equal(30, bed.Row(id).GetAttributeValue<int?>(Columns.FirstResponseTargetMinutes));
        Assert.Equal(240, bed.Row(id).GetAttributeValue<int?>(Columns.ResolutionTargetMinutes));
    }

    [Fact]
    public void Create_ComplaintOverSpringFestival2026_ResolutionWarningSkipsTheHoliday()
    {
        using var bed = new SlaTestBed();
        bed.At("2026-02-13T10:00+08:00");

        var id = bed.Log(Type.Complaint, "投诉绿化未修剪");

        // 75% of 27 working hours = 20 h 15 min: Fri 8 h, Sat (调休) 9 h, then Tue 24 Feb 09:00 + 3 h 15 min.
        Assert.Equal("2026-02-24T12:15:00+08:00", bed.Local(id, Columns.ResolutionWarningOn));
    }

    /// <summary>Title, description, agent's choice (null: none), expected urgency.</summary>
    public static TheoryData<string, string?, int?, int> Urgencies => new()
    {
        { "厨房漏水", null, null, Choices.Urgency.Emergency },
        { "报修", "家里停电了,冰箱里都是药", null, Choices.Urgency.Emergency },
        { "下水道反水", null, null, Choices.Urgency.Urgent },
        { "门禁卡丢了", "补办一张", null, Choices.Urgency.Normal },
        // The agent's choice wins, in either direction.
        { "厨房漏水", "昨天的事,已经修好", Choices.Urgency.Normal, Choices.Urgency.Normal },
        { "门禁卡丢了", "老人独居,进不了门", Choices.Urgency.Emergency, Choices.Urgency.Emergency },
    };

    [Theory]
    [MemberData(nameof(Urgencies))]
    public void Create_UrgencyFromText_DetectedUnlessAgentOverrode(string title, string? description, int? agentChoice, int expected)
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Repair, title, description, agentUrgency: agentChoice);

        Assert.Equal(expected, bed.Option(id, Columns.Urgency));
        var resolutionCalendar = expected == Choices.Urgency.Emergency ? "24x7" : expected == Choices.Urgency.Urgent ? "cn-workdays" : "service-hours";
        Assert.Equal(resolutionCalendar, bed.Row(id).GetAttributeValue<string>(Columns.ResolutionCalendar));
    }

    [Fact]
    public void Create_UrgencyOverriddenFlagWithoutChoice_DetectsFromText()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Repair, "燃气泄漏", more: r => r[Columns.UrgencyOverridden] = true);

        Assert.Equal(Choices.Urgency.Emergency, bed.Option(id, Columns.Urgency));
    }

    [Fact]
    public void Create_NoFirstContactOwner_DefaultsToTheAgentWhoLoggedIt()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal(bed.Agent, bed.Row(id).GetAttributeValue<EntityReference>(Columns.FirstContactOwner)?.Id);
    }

    [Fact]
    public void Create_FirstContactOwnerGiven_Kept()
    {
        using var bed = new SlaTestBed();
        var butler = bed.Dataverse.CreateUser("管家 陈静 Butler");

        var id = bed.Log(Type.Repair, "门锁坏了", more: r => r[Columns.FirstContactOwner] = new EntityReference("systemuser", butler));

        Assert.Equal(butler, bed.Row(id).GetAttributeValue<EntityReference>(Columns.FirstContactOwner)?.Id);
    }

    [Fact]
    public void Create_WithoutRequestType_RefusedBilinguallyAndNothingSaved()
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.AgentService.Create(new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = "有点事",
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
        }));

        Assert.Contains("报事类型", fault.Message, StringComparison.Ordinal);
        Assert.Contains("request type", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Dataverse.Count(ServiceRequestTable.LogicalName));
    }

    [Fact]
    public void Create_AcceptedAtOnce_FirstResponseMetOnTheSpot()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Inquiry, "停车位怎么租", more: r => r[Columns.StatusCode] = new OptionSetValue(Status.Accepted));

        Assert.Equal(Choices.SlaStatus.Met, bed.Option(id, Columns.FirstResponseStatus));
        Assert.Equal("2025-01-06T09:00:00+08:00", bed.Local(id, Columns.FirstResponseMetOn));
        Assert.Equal("2025-01-06T09:00:00+08:00", bed.Local(id, Columns.AcceptedOn));
        Assert.Equal("2025-01-06T15:45:00+08:00", bed.Local(id, Columns.NextEscalationOn));
    }

    [Fact]
    public void Create_ColdCache_AtMostOneReadAndNoWriteBeyondTheCreate()
    {
        using var bed = new SlaTestBed();

        bed.Log(Type.Repair, "门锁坏了");

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.True(calls.Reads <= 1, $"cold create read {calls.Reads} time(s): {calls}");
        Assert.Equal(1, calls.Reads);
        Assert.Equal(0, calls.Writes);
        Assert.Equal(0, bed.Dataverse.LastExecution.AllColumnsRequests);
    }

    [Fact]
    public void Create_WarmCache_NoReadUntilAnotherPropertyNoWrite()
    {
        using var bed = new SlaTestBed();
        bed.Log(Type.Repair, "门锁坏了");
        bed.Advance(TimeSpan.FromMinutes(4));

        bed.Log(Type.Complaint, "噪音");

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(0, calls.Reads);
        Assert.Equal(0, calls.Writes);

        // Another property: its own calendar (service hours) is read once, then remembered with the snapshot.
        bed.Log(Type.Complaint, "噪音", property: bed.OtherProperty);
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
        bed.Log(Type.Repair, "门锁坏了", property: bed.OtherProperty);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Reads);
    }

    [Fact]
    public void Create_CacheOlderThanFiveMinutes_ReadsAgainOnce()
    {
        using var bed = new SlaTestBed();
        bed.Log(Type.Repair, "门锁坏了");
        bed.Advance(TimeSpan.FromMinutes(5));

        bed.Log(Type.Repair, "灯不亮");

        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Reads);
    }

    [Fact]
    public void Create_ColdCacheWithAdminRows_StillOneRead()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("报修 60 分钟", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Data.SlaPolicy("金桂苑 投诉", requestType: Type.Complaint, firstResponseMinutes: 120, property: bed.OtherProperty);
        bed.Data.BusinessCalendar("mall-7days", MallCalendar);

        bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    internal const string MallCalendar = """
        {
          "name": "mall-7days",
          "description": "商场 每天 10:00-22:00 / Mall, daily 10:00-22:00",
          "observesPublicHolidays": false,
          "week": {
            "monday": ["10:00-22:00"], "tuesday": ["10:00-22:00"], "wednesday": ["10:00-22:00"], "thursday": ["10:00-22:00"],
            "friday": ["10:00-22:00"], "saturday": ["10:00-22:00"], "sunday": ["10:00-22:00"]
          }
        }
        """;
}
