using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Tests.Domain;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Custom API pcrm_CalculateDeadline through the harness's Custom API routing.</summary>
public sealed class CalculateDeadlineApiTests
{
    /// <summary>Start (Beijing), working minutes, calendar (null: default), expected deadline (Beijing).</summary>
    public static TheoryData<string, int, string?, string> Deadlines => new()
    {
        { "2025-01-06T09:00+08:00", 120, null, "2025-01-06T11:00+08:00" },
        { "2025-01-10T17:00+08:00", 120, "cn-workdays", "2025-01-13T10:00+08:00" },
        { "2025-01-10T17:00+08:00", 120, "24x7", "2025-01-10T19:00+08:00" },
        { "2026-02-13T10:00+08:00", 1620, "CN-Workdays", "2026-02-25T10:00+08:00" },
        { "2025-01-06T20:00+08:00", 0, null, "2025-01-06T20:00+08:00" },
        { "2025-01-11T09:00+08:00", 120, "mall-7days", "2025-01-11T12:00+08:00" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Execute_Inputs_AnswersAsTheSlaClock(string start, int minutes, string? calendar, string expected)
    {
        using var bed = new SlaTestBed();
        bed.Data.BusinessCalendar("mall-7days", ServiceRequestCreateTests.MallCalendar);

        var response = bed.Dataverse.Service.Execute(Request(Iso.At(start).UtcDateTime, minutes, calendar));

        var deadline = (DateTime)response.Results[CalculateDeadlinePlugin.DeadlineOutput];
        Assert.Equal(Iso.At(expected).UtcDateTime, deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void Execute_ColdThenWarm_OneReadThenNone()
    {
        using var bed = new SlaTestBed();

        bed.Dataverse.Service.Execute(Request(bed.Dataverse.Clock.UtcNow, 60, null));
        var cold = bed.Dataverse.LastExecution.PluginCalls;
        bed.Dataverse.Service.Execute(Request(bed.Dataverse.Clock.UtcNow, 60, "24x7"));
        var warm = bed.Dataverse.LastExecution.PluginCalls;

        Assert.Equal(1, cold.Reads);
        Assert.Equal(0, warm.Reads);
        Assert.Equal(0, cold.Writes + warm.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Execute_AfterARequestWasLogged_UsesItsSnapshotWithoutARead()
    {
        using var bed = new SlaTestBed();
        bed.Log(SlaTestBed.Type.Repair, "门锁坏了");

        bed.Dataverse.Service.Execute(Request(bed.Dataverse.Clock.UtcNow, 60, null));

        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Reads);
    }

    [Theory]
    [InlineData(-1, null, "0 到")]
    [InlineData(WorkingTimeMax + 1, null, "between 0 and")]
    [InlineData(60, "no-such-calendar", "no-such-calendar")]
    public void Execute_InvalidInput_RefusedBilingually(int minutes, string? calendar, string fragment)
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Execute(Request(bed.Dataverse.Clock.UtcNow, minutes, calendar)));

        Assert.Contains(fragment, fault.Message, StringComparison.Ordinal);
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
    }

    [Fact]
    public void Execute_InvalidMinutes_RefusedBeforeAnyRead()
    {
        using var bed = new SlaTestBed();

        Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Execute(Request(bed.Dataverse.Clock.UtcNow, -5, null)));

        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);
    }

    [Fact]
    public void Execute_YearNotCovered_RefusedNamingTheYear()
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() =>
            bed.Dataverse.Service.Execute(Request(Iso.At("2027-03-01T09:00+08:00").UtcDateTime, 60, null)));

        Assert.Contains("2027", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_MissingStart_RefusedByThePlatformBeforeThePlugin()
    {
        using var bed = new SlaTestBed();
        var request = new OrganizationRequest(CalculateDeadlinePlugin.ApiName) { [CalculateDeadlinePlugin.WorkingMinutesParameter] = 60 };

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Execute(request));

        Assert.Equal(DataverseErrorCodes.RequiredFieldMissing, fault.ErrorCode);
    }

    [Fact]
    public void Declaration_ActionGlobalWithBilingualTexts()
    {
        var api = Assert.Single(PluginCatalog.CustomApis, a => a.UniqueName == "pcrm_CalculateDeadline");

        Assert.False(api.IsFunction);
        Assert.Equal(CustomApiBindingType.Global, api.BindingType);
        Assert.Equal(new[] { "Start", "WorkingMinutes", "Calendar" }, Array.ConvertAll(System.Linq.Enumerable.ToArray(api.RequestParameters), p => p.UniqueName));
        Assert.True(api.RequestParameters[2].IsOptional);
        Assert.Equal("Deadline", Assert.Single(api.ResponseProperties).UniqueName);
        foreach (var text in new[] { api.DisplayName, api.Description })
        {
            Assert.Matches("[\\u4e00-\\u9fff]", text.Chinese);
            Assert.Matches("[A-Za-z]", text.English);
        }
    }

    private const int WorkingTimeMax = PropertyCrm.Plugins.Logic.WorkingTimeLogic.MaxMinutes;

    private static OrganizationRequest Request(DateTime start, int minutes, string? calendar)
    {
        var request = new OrganizationRequest(CalculateDeadlinePlugin.ApiName)
        {
            [CalculateDeadlinePlugin.StartParameter] = start,
            [CalculateDeadlinePlugin.WorkingMinutesParameter] = minutes,
        };
        if (calendar is not null)
        {
            request[CalculateDeadlinePlugin.CalendarParameter] = calendar;
        }

        return request;
    }
}
