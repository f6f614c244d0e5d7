using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>
/// 响应时长(分钟), the base of KPI 0: written by the request's SLA step when 受理 completes the first response (wall-clock whole
/// minutes from logging, no extra call), and refused on a direct save.
/// </summary>
public sealed class ResponseMinutesTests
{
    [Fact]
    public void Accept_AfterAWeekendEvening_WallClockMinutesStoredWithoutAnExtraCall()
    {
        using var bed = new SlaTestBed();
        bed.At("2025-01-10T17:30:00+08:00");
        var id = bed.Log(Choices.RequestType.Repair, "门锁坏了 door lock broken");
        Assert.Null(bed.Row(id).GetAttributeValue<int?>(Columns.ResponseMinutes));
        bed.Advance(TimeSpan.FromMinutes(47).Add(TimeSpan.FromSeconds(50)));

        bed.Move(id, Status.Accepted);

        // The minutes travel in the save itself: the only write is the request's status lock (RequestStatusLockPlugin).
        Assert.Equal(47, bed.Row(id).GetAttributeValue<int?>(Columns.ResponseMinutes));
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Create_LoggedAsAccepted_ZeroMinutes()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Choices.RequestType.Inquiry, "物业费咨询 fee inquiry", more: r => r[Columns.StatusCode] = new OptionSetValue(Status.Accepted));

        Assert.Equal(0, bed.Row(id).GetAttributeValue<int?>(Columns.ResponseMinutes));
    }

    [Fact]
    public void Update_ResponseMinutesTyped_RefusedInBothLanguagesAndStoredValueKept()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Choices.RequestType.Repair, "门锁坏了 door lock broken");
        bed.Advance(TimeSpan.FromMinutes(40));
        bed.Move(id, Status.Accepted);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ResponseMinutes] = 5 }));
        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ResponseMinutes] = 40 });

        Assert.Contains("响应时长", fault.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be edited", fault.Message, StringComparison.Ordinal);
        Assert.Equal(40, bed.Row(id).GetAttributeValue<int?>(Columns.ResponseMinutes));
    }

    [Fact]
    public void Create_ResponseMinutesTyped_Refused()
    {
        using var bed = new SlaTestBed();

        Assert.Throws<DataverseFaultException>(() => bed.Log(Choices.RequestType.Repair, "门锁坏了 door lock broken", more: r => r[Columns.ResponseMinutes] = 1));
    }
}
