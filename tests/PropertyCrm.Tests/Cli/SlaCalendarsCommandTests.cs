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
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("24x7 ", StringComparison.Ordinal) && l.Contains("+08:00") && l.Contains("all"));
        Assert.Contains(lines, l => l.StartsWith("cn-workdays ", StringComparison.Ordinal) && l.Contains("+08:00") && l.Contains("2025,2026"));
    }

    [Fact]
    public void Run_ExtraArgument_ExitsTwo()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "calendars", "--all");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("takes no arguments", error);
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
