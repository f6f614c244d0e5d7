using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Configuration;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain.Calendars;
using PropertyCrm.Tests.Support;
using Columns = PropertyCrm.Schema.Tables.BusinessCalendarTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>The pre-operation validation of admin calendars (pcrm_businesscalendar) through the real pipeline.</summary>
public sealed class BusinessCalendarValidationTests
{
    /// <summary>Definition, a fragment of the parser's message the refusal must carry.</summary>
    public static TheoryData<string, string> InvalidDefinitions => new()
    {
        { "{ \"name\": \"mall\", \"week\": { \"monday\": [\"09:00-18:00\"] }", "line" },
        { "{ \"name\": \"mall\", \"week\": { \"monday\": [\"9-18\"] } }", "HH:mm-HH:mm" },
        { "{ \"name\": \"mall\", \"week\": {}, \"colour\": \"red\" }", "colour" },
        { "{ \"name\": \"mall\", \"week\": { \"monday\": [\"09:00-18:00\", \"12:00-14:00\"] } }", "overlap" },
        { "", "JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void Create_InvalidJson_RefusedBilinguallyWithTheParsersMessageAndNothingSaved(string definition, string detail)
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(Calendar("mall", definition)));

        Assert.Contains("工作日历 'mall'", fault.Message, StringComparison.Ordinal);
        Assert.Contains("business calendar 'mall'", fault.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(detail, fault.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, bed.Dataverse.Count(BusinessCalendarTable.LogicalName));
    }

    [Theory]
    [InlineData("mall-7days", ServiceRequestCreateTests.MallCalendar, BusinessCalendarValidationPlugin.AllYears)]
    [InlineData("cn-workdays", CalendarLayeringTests.ChinaWorkdays2027, "2027")]
    public void Create_ValidDefinition_SavedWithYearsCoveredAndNoRead(string name, string definition, string years)
    {
        using var bed = new SlaTestBed();

        var id = bed.Dataverse.Service.Create(Calendar(name, definition));

        Assert.Equal(years, bed.Dataverse.Row(BusinessCalendarTable.LogicalName, id).Get<string>(Columns.YearsCovered));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);
    }

    [Fact]
    public void Create_BlankName_TakesTheDefinitionsName()
    {
        using var bed = new SlaTestBed();

        var id = bed.Dataverse.Service.Create(Calendar(null, ServiceRequestCreateTests.MallCalendar));

        Assert.Equal("mall-7days", bed.Dataverse.Row(BusinessCalendarTable.LogicalName, id).Get<string>(Columns.Name));
    }

    [Fact]
    public void Create_NameDiffersFromDefinition_Refused()
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(Calendar("mall", ServiceRequestCreateTests.MallCalendar)));

        Assert.Contains("mall-7days", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BuiltInNameWithOtherHours_RefusedAskingForANewName()
    {
        using var bed = new SlaTestBed();
        var changed = CalendarLayeringTests.ChinaWorkdays2027.Replace("\"monday\": [\"09:00-18:00\"]", "\"monday\": [\"08:00-18:00\"]", StringComparison.Ordinal);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(Calendar("cn-workdays", changed)));

        Assert.Contains("weekly hours", fault.Message, StringComparison.Ordinal);
        Assert.Contains("新的日历名称", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_DefinitionBroken_RefusedUsingThePreImageName()
    {
        using var bed = new SlaTestBed();
        var id = bed.Dataverse.Service.Create(Calendar("mall-7days", ServiceRequestCreateTests.MallCalendar));

        var fault = Assert.Throws<DataverseFaultException>(() =>
            bed.Dataverse.Service.Update(new Entity(BusinessCalendarTable.LogicalName, id) { [Columns.Definition] = "{ \"name\": \"mall-7days\" }" }));

        Assert.Contains("week", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Contains("10:00-22:00", bed.Dataverse.Row(BusinessCalendarTable.LogicalName, id).Get<string>(Columns.Definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NextYearsCalendar_CachedConfigurationRefreshedAtOnce()
    {
        using var bed = new SlaTestBed();
        bed.At("2026-12-30T10:00+08:00");
        bed.Dataverse.Service.Execute(Deadline(bed.Dataverse.Clock.UtcNow, 60));
        var beforeFault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Execute(Deadline(bed.Dataverse.Clock.UtcNow, 3 * 540)));
        Assert.Contains("2027", beforeFault.Message, StringComparison.Ordinal);

        bed.Dataverse.Service.Create(Calendar("cn-workdays", CalendarLayeringTests.ChinaWorkdays2027));
        var response = bed.Dataverse.Service.Execute(Deadline(bed.Dataverse.Clock.UtcNow, 3 * 540));

        // Wed 30 Dec 10:00 + 27 working hours: 8 h, Thu 31 Dec 9 h, Fri 1 Jan 元旦, Mon 4 Jan 9 h, Tue 5 Jan 1 h.
        Assert.Equal(PropertyCrm.Tests.Domain.Iso.At("2027-01-05T10:00+08:00").UtcDateTime, response.Results[CalculateDeadlinePlugin.DeadlineOutput]);
    }

    private static OrganizationRequest Deadline(DateTime start, int minutes) =>
        new(CalculateDeadlinePlugin.ApiName) { [CalculateDeadlinePlugin.StartParameter] = start, [CalculateDeadlinePlugin.WorkingMinutesParameter] = minutes };

    private static Entity Calendar(string? name, string definition) => new(BusinessCalendarTable.LogicalName)
    {
        [Columns.Name] = name,
        [Columns.Definition] = definition,
    };
}
