using System;
using System.Linq;

namespace PropertyCrm.Tests.Cli;

public sealed class SlaCalendarsCommandTests
{
    [Fact]
    public void Run_NoArguments_ListsBuiltInCalendarsWithCoveredYears()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "calendars");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split(new[] { Environment.NewLine }, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("service-hours ", StringComparison.Ordinal) && l.Contains("+08:00") && l.Contains("all"));
        Assert.Contains(lines, l => l.StartsWith("24x7 ", StringComparison.Ordinal) && l.Contains("+08:00") && l.Contains("all"));
        Assert.Contains(lines, l => l.StartsWith("cn-workdays ", StringComparison.Ordinal) && l.Contains("+08:00") && l.Contains("2025,2026"));
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--all'", "--all")]
    [InlineData("Unrecognized command or argument 'cn-workdays'", "cn-workdays")]
    [InlineData("Unknown built-in business calendar 'x'", "--json", "x")]
    public void Run_BadArguments_ExitsTwo(string messagePart, params string[] options)
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run(new[] { "sla", "calendars" }.Concat(options).ToArray());

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(messagePart, error);
    }

    [Fact]
    public void Run_Json_PrintsDefinitionThatParsesBackToTheCalendar()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "calendars", "--json", "cn-workdays");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var calendar = PropertyCrm.Domain.Calendars.Serialization.CalendarJson.ParseCalendar(output);
        Assert.Equal("cn-workdays", calendar.Name);
        Assert.Equal(new[] { 2025, 2026 }, calendar.CoveredYears);
    }

    [Fact]
    public void Help_Catalog_ListsBothSlaCommands()
    {
        var (code, output, _) = SlaDeadlineCommandTests.Run("help");

        Assert.Equal(0, code);
        Assert.Contains("sla deadline", output);
        Assert.Contains("sla calendars", output);
        Assert.True(output.Split('\n').Count(l => l.TrimStart().StartsWith("sla ", StringComparison.Ordinal)) >= 2);
    }
}
