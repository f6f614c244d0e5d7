using System;
using System.IO;

namespace PropertyCrm.Tests.Cli;

public sealed class SlaPlanCommandTests
{
    [Fact]
    public void Run_FridayEveningRepair_PrintsEachKpiDeadline()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "plan", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(
            "受理 first response: 2025-01-10T18:00:00+08:00 (30 min on 24x7; policy 报修 repair; warning 2025-01-10T17:52:30+08:00)" + Environment.NewLine
            + "解决 resolution: 2025-01-12T17:30:00+08:00 (24 h on service-hours; policy 报修 repair; warning 2025-01-12T11:30:00+08:00)" + Environment.NewLine
            + "到场 on-site: 2025-01-10T19:30:00+08:00 (2 h on service-hours; policy 报修 repair; warning 2025-01-10T19:00:00+08:00)" + Environment.NewLine,
            output);
    }

    [Theory]
    [InlineData("complaint", "2025-09-30T10:00+08:00", null, "解决 resolution: 2025-10-11T10:00:00+08:00 (27 h on cn-workdays; policy 投诉 complaint")]
    [InlineData("REPAIR", "2025-10-01T03:00:00+08:00", "emergency", "解决 resolution: 2025-10-01T07:00:00+08:00 (4 h on 24x7; policy 紧急 emergency")]
    [InlineData("complaint", "2025-09-30T10:00+08:00", null, "初步处理 initial handling (on-site KPI): 2025-10-01T10:00:00+08:00 (24 h on 24x7; policy 投诉 complaint")]
    [InlineData("repair", "2025-01-10T23:00+08:00", "emergency", "到场 on-site: 2025-01-10T23:30:00+08:00 (30 min on 24x7; policy 紧急 emergency")]
    [InlineData("repair", "2025-01-10T19:30+08:00", null, "到场 on-site: 2025-01-11T09:30:00+08:00 (2 h on service-hours; policy 报修 repair")]
    [InlineData("key-custody", "2025-01-10T09:30:00Z", null, "受理 first response: 2025-01-10T18:00:00+08:00 (30 min on 24x7; policy 默认 default")]
    public void Run_ValidInput_PrintsDeadline(string type, string created, string? urgency, string expectedLine)
    {
        var (code, output, error) = urgency is null
            ? SlaDeadlineCommandTests.Run("sla", "plan", "--type", type, "--created", created)
            : SlaDeadlineCommandTests.Run("sla", "plan", "--type", type, "--created", created, "--urgency", urgency);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(expectedLine, output);
    }

    [Fact]
    public void Run_PropertyCalendarFile_ServiceHoursRunOnIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcrm-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "name": "mall-hours", "utcOffset": "+08:00", "observesPublicHolidays": false,
              "week": { "friday": ["10:00-22:00"], "saturday": ["10:00-22:00"], "sunday": ["10:00-22:00"] } }
            """);
        try
        {
            var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "plan", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--calendar", path);

            Assert.Equal(0, code);
            Assert.Empty(error);
            Assert.Contains("解决 resolution: 2025-01-12T17:30:00+08:00 (24 h on mall-hours;", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Option '--created' is required", "--type", "repair")]
    [InlineData("not a known request type", "--type", "plumbing", "--created", "2025-01-10T17:30:00+08:00")]
    [InlineData("not a known request type", "--type", "0", "--created", "2025-01-10T17:30:00+08:00")]
    [InlineData("not an ISO 8601 time with an offset", "--type", "repair", "--created", "2025-01-10T17:30:00")]
    [InlineData("not a known urgency", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--urgency", "asap")]
    [InlineData("未知的工作日历 'nope'", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--calendar", "nope")]
    [InlineData("Unrecognized command or argument '--service-line'", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--service-line", "security")]
    [InlineData("has no 2027 holiday schedule", "--type", "complaint", "--created", "2027-03-01T10:00:00+08:00")]
    public void Run_BadInput_ExitsTwoWithBilingualMessage(string messagePart, params string[] options)
    {
        var args = new string[options.Length + 2];
        args[0] = "sla";
        args[1] = "plan";
        options.CopyTo(args, 2);

        var (code, output, error) = SlaDeadlineCommandTests.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(messagePart, error);
        Assert.Contains(" / ", error);
    }
}
