using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain.Calendars;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Admin SLA policies and calendars as the create step sees them: layering, admin calendars, bad rows, cache expiry.</summary>
public sealed class SlaConfigurationTests
{
    [Fact]
    public void Create_CompanyWidePolicy_ReplacesTheDefaultAndKeepsItsResolution()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("公司 报修 60 分钟", requestType: Type.Repair, firstResponseMinutes: 60);

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("公司 报修 60 分钟", bed.Row(id).GetAttributeValue<string>(Columns.SlaPolicyName));
        Assert.Equal("2025-01-06T10:00:00+08:00", bed.Local(id, Columns.FirstResponseDueOn));
        Assert.Equal("2025-01-08T09:00:00+08:00", bed.Local(id, Columns.ResolutionDueOn));
    }

    [Fact]
    public void Create_PropertyPolicy_ReplacesTheCompanyRowForThatPropertyOnly()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("公司 报修 60 分钟", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Data.SlaPolicy("翠湖 报修 45 分钟", requestType: Type.Repair, firstResponseMinutes: 45, resolutionMinutes: 540, property: bed.Property);

        var here = bed.Log(Type.Repair, "门锁坏了");
        var elsewhere = bed.Log(Type.Repair, "门锁坏了", property: bed.OtherProperty);

        Assert.Equal("2025-01-06T09:45:00+08:00", bed.Local(here, Columns.FirstResponseDueOn));
        Assert.Equal("2025-01-06T18:00:00+08:00", bed.Local(here, Columns.ResolutionDueOn));
        Assert.Equal("2025-01-06T10:00:00+08:00", bed.Local(elsewhere, Columns.FirstResponseDueOn));
        Assert.Equal("2025-01-08T09:00:00+08:00", bed.Local(elsewhere, Columns.ResolutionDueOn));
    }

    [Fact]
    public void Create_TierPolicy_AppliesToThatTiersRequests()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("钻石业主 15 分钟", ownerTier: "diamond", firstResponseMinutes: 15, firstResponseCalendar: "24x7");

        var diamond = bed.Log(Type.Complaint, "快递丢了", more: r => r[Columns.OwnerTier] = "Diamond");
        var ordinary = bed.Log(Type.Complaint, "快递丢了");

        Assert.Equal("2025-01-06T09:15:00+08:00", bed.Local(diamond, Columns.FirstResponseDueOn));
        Assert.Equal("钻石业主 15 分钟 / 投诉 complaint", bed.Row(diamond).GetAttributeValue<string>(Columns.SlaPolicyName));
        Assert.Equal("2025-01-06T09:30:00+08:00", bed.Local(ordinary, Columns.FirstResponseDueOn));
    }

    [Fact]
    public void Create_PolicyOnAdminCalendar_CountsTheMallsHours()
    {
        using var bed = new SlaTestBed();
        bed.Data.BusinessCalendar("mall-7days", ServiceRequestCreateTests.MallCalendar);
        bed.Data.SlaPolicy("商场 报修", requestType: Type.Repair, firstResponseMinutes: 120, firstResponseCalendar: "mall-7days", property: bed.OtherProperty);
        bed.At("2025-01-11T09:00+08:00");

        var id = bed.Log(Type.Repair, "扶梯异响", property: bed.OtherProperty);

        // Saturday: the mall opens at 10:00.
        Assert.Equal("2025-01-11T12:00:00+08:00", bed.Local(id, Columns.FirstResponseDueOn));
        Assert.Equal("mall-7days", bed.Row(id).GetAttributeValue<string>(Columns.FirstResponseCalendar));
    }

    [Fact]
    public void Create_YearNotCoveredByBuiltIn_RefusedUntilAnAdminAddsIt()
    {
        using var bed = new SlaTestBed();
        bed.At("2026-12-31T17:00+08:00");

        // A complaint's solution runs in working days (cn-workdays), which needs the 2027 holidays.
        var fault = Assert.Throws<DataverseFaultException>(() => bed.Log(Type.Complaint, "噪音"));
        Assert.Contains("2027", fault.Message, StringComparison.Ordinal);

        bed.Data.BusinessCalendar("cn-workdays", CalendarLayeringTests.ChinaWorkdays2027);
        SlaConfigurationCache.Invalidate(FakeDataverse.OrganizationId);
        var id = bed.Log(Type.Complaint, "噪音");

        // 1 h on Thu 31 Dec, Fri 1 Jan 2027 is 元旦, then Mon 4 and Tue 5 Jan (18 h), 8 h on Wed 6 Jan.
        Assert.Equal("2027-01-06T17:00:00+08:00", bed.Local(id, Columns.ResolutionDueOn));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"name\": \"cn-workdays\", \"week\": { \"monday\": [\"09:00-17:00\"] } }")]
    public void Create_BrokenCalendarRow_LeftOutAndTracedRequestStillLogged(string definition)
    {
        using var bed = new SlaTestBed();
        bed.Data.BusinessCalendar("cn-workdays", definition);

        var id = bed.Log(Type.Complaint, "噪音");

        // The built-in cn-workdays stands: 3 working days from Monday 09:00.
        Assert.Equal("2025-01-08T18:00:00+08:00", bed.Local(id, Columns.ResolutionDueOn));
        Assert.Contains(bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines), l => l.Contains("row left out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(60, "no-such-calendar")]
    public void Create_UnusablePolicyRow_LeftOutDefaultsApply(int minutes, string? calendar)
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("坏的策略", requestType: Type.Repair, firstResponseMinutes: minutes, firstResponseCalendar: calendar);

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("报修 repair", bed.Row(id).GetAttributeValue<string>(Columns.SlaPolicyName));
        Assert.Contains(bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines), l => l.Contains("坏的策略", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_PolicyAddedWhileCached_AppliesOnceTheSnapshotIsFiveMinutesOld()
    {
        using var bed = new SlaTestBed();
        bed.Log(Type.Repair, "门锁坏了");
        bed.Data.SlaPolicy("公司 报修 60 分钟", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));

        var stillCached = bed.Log(Type.Repair, "灯不亮");
        bed.Advance(TimeSpan.FromSeconds(1));
        var reloaded = bed.Log(Type.Repair, "灯不亮");

        Assert.Equal("报修 repair", bed.Row(stillCached).GetAttributeValue<string>(Columns.SlaPolicyName));
        Assert.Equal("公司 报修 60 分钟", bed.Row(reloaded).GetAttributeValue<string>(Columns.SlaPolicyName));
    }

    [Fact]
    public void Create_InactiveRows_Ignored()
    {
        using var bed = new SlaTestBed();
        var policy = bed.Data.SlaPolicy("停用 报修", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Dataverse.Service.Update(new Entity(SlaPolicyTable.LogicalName, policy)
        {
            [SlaPolicyTable.Columns.StateCode] = new OptionSetValue(1),
            [SlaPolicyTable.Columns.StatusCode] = new OptionSetValue(2),
        });

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("报修 repair", bed.Row(id).GetAttributeValue<string>(Columns.SlaPolicyName));
    }

    [Fact]
    public void Create_InactiveProperty_FallsBackToTwoReadsAndStaysCorrect()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("公司 报修 60 分钟", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Dataverse.Service.Update(new Entity(PropertyTable.LogicalName, bed.OtherProperty)
        {
            [PropertyTable.Columns.StateCode] = new OptionSetValue(1),
            [PropertyTable.Columns.StatusCode] = new OptionSetValue(2),
        });

        var id = bed.Log(Type.Repair, "门锁坏了", property: bed.OtherProperty);

        Assert.Equal("2025-01-06T10:00:00+08:00", bed.Local(id, Columns.FirstResponseDueOn));
        Assert.Equal(3, bed.Dataverse.LastExecution.PluginCalls.Reads);
    }

    [Fact]
    public void Get_SameSnapshot_PolicySetPerPropertyMemoized()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("翠湖 报修", requestType: Type.Repair, firstResponseMinutes: 45, property: bed.Property);
        var configuration = SlaConfigurationQuery.Load(bed.Dataverse.Service, bed.Dataverse.Clock.UtcNow, bed.Property);

        Assert.Same(configuration.PoliciesFor(bed.Property), configuration.PoliciesFor(bed.Property));
        Assert.Single(configuration.PolicyRows);
        Assert.Empty(configuration.Problems);
        Assert.Equal(45, configuration.PoliciesFor(bed.Property).Policies.Single(p => p.Name == "翠湖 报修").Targets[0].Duration.TotalMinutes);
    }
}
