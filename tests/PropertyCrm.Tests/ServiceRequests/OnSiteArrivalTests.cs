using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Issue 11: the on-site / initial handling KPI (到场/初步处理) through the plug-ins, the strict harness and the sweep.</summary>
public sealed class OnSiteArrivalTests
{
    [Fact]
    public void Create_RepairFridayEvening_OnSiteDueNextServiceMorningWithinTwoReads()
    {
        using var bed = new SlaTestBed();
        bed.At("2025-01-10T19:30+08:00");

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("2025-01-11T09:30:00+08:00", bed.Local(id, Columns.OnSiteDueOn));
        Assert.Equal("2025-01-11T09:00:00+08:00", bed.Local(id, Columns.OnSiteWarningOn));
        Assert.Equal("service-hours", bed.Row(id).GetAttributeValue<string>(Columns.OnSiteCalendar));
        Assert.Equal(120, bed.Row(id).GetAttributeValue<int?>(Columns.OnSiteTargetMinutes));
        Assert.Equal(Choices.SlaStatus.InProgress, bed.Option(id, Columns.OnSiteStatus));
        Assert.True(bed.Dataverse.LastExecution.PluginCalls.Reads <= 2, bed.Dataverse.LastExecution.PluginCalls.ToString());
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Create_ComplaintAndInquiry_InitialHandlingOnlyForTheComplaint()
    {
        using var bed = new SlaTestBed();
        bed.At("2025-09-30T10:00+08:00");

        var complaint = bed.Log(Type.Complaint, "保安态度差");
        var inquiry = bed.Log(Type.Inquiry, "物业费怎么交");

        Assert.Equal("2025-10-01T10:00:00+08:00", bed.Local(complaint, Columns.OnSiteDueOn));
        Assert.Equal("24x7", bed.Row(complaint).GetAttributeValue<string>(Columns.OnSiteCalendar));
        Assert.Null(bed.Row(inquiry).GetAttributeValue<int?>(Columns.OnSiteTargetMinutes));
        Assert.Null(bed.Local(inquiry, Columns.OnSiteDueOn));
    }

    [Fact]
    public void Update_ArrivedOnRecordedBeforeDeadline_OnSiteMetWithoutExtraWrite()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "门锁坏了");
        bed.Move(id, Status.Accepted);
        bed.At("2025-01-06T10:40+08:00");

        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ArrivedOn] = Iso.At("2025-01-06T10:30+08:00").UtcDateTime });

        Assert.Equal(Choices.SlaStatus.Met, bed.Option(id, Columns.OnSiteStatus));
        Assert.Equal("2025-01-06T10:30:00+08:00", bed.Local(id, Columns.OnSiteMetOn));
        Assert.Null(bed.Local(id, Columns.OnSiteBreachedOn));
        Assert.Equal(Choices.SlaStatus.InProgress, bed.Option(id, Columns.ResolutionStatus));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Move_DispatchedToInProgressAfterDeadline_OnSiteBreachedAtDeadline()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "门锁坏了");
        bed.Move(id, Status.Accepted);
        bed.Move(id, Status.Dispatched);
        bed.At("2025-01-06T11:30+08:00");

        bed.Move(id, Status.InProgress);

        Assert.Equal("2025-01-06T11:30:00+08:00", bed.Local(id, Columns.ArrivedOn));
        Assert.Equal(Choices.SlaStatus.Breached, bed.Option(id, Columns.OnSiteStatus));
        Assert.Equal("2025-01-06T11:00:00+08:00", bed.Local(id, Columns.OnSiteBreachedOn));
    }

    [Fact]
    public void Sweep_OnSiteDeadlineMissed_EscalatedOnce()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "门锁坏了");
        bed.Move(id, Status.Accepted);
        bed.At("2025-01-06T11:01+08:00");

        bed.Dataverse.Service.Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName));
        bed.Dataverse.Service.Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName));

        var onSite = bed.Dataverse.PeekAll(EscalationTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id == id)
            .Where(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value == Choices.SlaKpi.OnSite)
            .Select(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value)
            .OrderBy(l => l)
            .ToArray();
        Assert.Equal(new[] { Choices.EscalationLevel.Warning, Choices.EscalationLevel.Level1 }, onSite);
        Assert.Equal(Choices.SlaStatus.Breached, bed.Option(id, Columns.OnSiteStatus));
        Assert.Equal("2025-01-06T11:00:00+08:00", bed.Local(id, Columns.OnSiteBreachedOn));
        Assert.Equal(Choices.EscalationLevel.Level1, bed.Option(id, Columns.EscalationLevel));
        // Next rung: the property manager at 1.5× the 2 h target (12:00).
        Assert.Equal("2025-01-06T12:00:00+08:00", bed.Local(id, Columns.NextEscalationOn));
    }

    [Fact]
    public void Create_CompanyPolicySetsOnSite_RequestRunsOnIt()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("报修 到场 1 小时", requestType: Type.Repair, onSiteMinutes: 60, onSiteCalendar: "24x7");
        bed.At("2025-01-10T19:30+08:00");

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("2025-01-10T20:30:00+08:00", bed.Local(id, Columns.OnSiteDueOn));
        Assert.Equal("24x7", bed.Row(id).GetAttributeValue<string>(Columns.OnSiteCalendar));
        // Per-KPI replacement: the row sets only the on-site target, resolution stays the default's.
        Assert.Equal("service-hours", bed.Row(id).GetAttributeValue<string>(Columns.ResolutionCalendar));
    }

    [Fact]
    public void Create_CompanyPolicyWithoutOnSite_DefaultOnSiteKept()
    {
        using var bed = new SlaTestBed();
        bed.OfficeHoursRepairs();
        bed.At("2025-01-10T19:30+08:00");

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("cn-workdays", bed.Row(id).GetAttributeValue<string>(Columns.ResolutionCalendar));
        Assert.Equal("2025-01-11T09:30:00+08:00", bed.Local(id, Columns.OnSiteDueOn));
    }
}
