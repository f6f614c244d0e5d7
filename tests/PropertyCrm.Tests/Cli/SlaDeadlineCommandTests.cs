using System;
using System.IO;
using PropertyCrm.Cli;

namespace PropertyCrm.Tests.Cli;

public sealed class SlaDeadlineCommandTests
{
    [Theory]
    [InlineData("2026-02-13T17:00:00+08:00", "30", "cn-workdays", "2026-02-13T17:30:00+08:00")]
    [InlineData("2026-02-13T17:00:00+08:00", "120", "cn-workdays", "2026-02-14T10:00:00+08:00")]
    [InlineData("2026-02-14T17:30:00+08:00", "60", "cn-workdays", "2026-02-24T09:30:00+08:00")]
    [InlineData("2026-02-13T17:00:00+08:00", "1620", "cn-workdays", "2026-02-25T17:00:00+08:00")]
    [InlineData("2026-02-13T17:00+08:00", "1620", "CN-WORKDAYS", "2026-02-25T17:00:00+08:00")]
    [InlineData("2026-02-15T15:50:00Z", "30", "24x7", "2026-02-16T00:20:00+08:00")]
    [InlineData("2026-02-15T15:50:00.5Z", "30", "24x7", "2026-02-16T00:20:00.5+08:00")]
    [InlineData("2026-02-15T03:00:00+08:00", "0", "cn-workdays", "2026-02-15T03:00:00+08:00")]
    public void Run_ValidInput_PrintsOnlyTheDeadline(string start, string minutes, string calendar, string expected)
    {
        var (code, output, error) = Run("sla", "deadline", "--start", start, "--minutes", minutes, "--calendar", calendar);

        Assert.Equal(0, code);
        Assert.Equal(expected + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Fact]
    public void Run_EqualsSyntax_IsAccepted()
    {
        var (code, output, _) = Run("sla", "deadline", "--start=2026-02-13T17:00:00+08:00", "--minutes=30", "--calendar=cn-workdays");

        Assert.Equal(0, code);
        Assert.Equal("2026-02-13T17:30:00+08:00" + Environment.NewLine, output);
    }

    [Fact]
    public void Run_CalendarFile_ReadsAdminFormat()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcrm-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "name": "night-desk", "utcOffset": "+08:00", "observesPublicHolidays": false,
              "week": { "monday": ["20:00-24:00"], "tuesday": ["00:00-06:00"] } }
            """);
        try
        {
            var (code, output, error) = Run("sla", "deadline", "--start", "2026-03-02T23:30:00+08:00", "--minutes", "60", "--calendar", path);

            Assert.Equal(0, code);
            Assert.Equal("2026-03-03T00:30:00+08:00" + Environment.NewLine, output);
            Assert.Empty(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("未知的工作日历 'nope'", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30", "--calendar", "nope")]
    [InlineData("not an ISO 8601 time with an offset", "--start", "2026-02-13T17:00:00", "--minutes", "30", "--calendar", "cn-workdays")]
    [InlineData("not an ISO 8601 time with an offset", "--start", "next monday", "--minutes", "30", "--calendar", "cn-workdays")]
    [InlineData("non-negative whole number", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "-5", "--calendar", "cn-workdays")]
    [InlineData("non-negative whole number", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "1.5", "--calendar", "cn-workdays")]
    [InlineData("Option '--calendar' is required", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30")]
    [InlineData("Unrecognized command or argument '--hours'", "--start", "2026-02-13T17:00:00+08:00", "--hours", "30", "--calendar", "cn-workdays")]
    [InlineData("Required argument missing for option: '--calendar'", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30", "--calendar")]
    [InlineData("Option '--start' expects a single argument", "--start", "2026-02-13T17:00:00+08:00", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30", "--calendar", "cn-workdays")]
    [InlineData("Unrecognized command or argument '2026-02-13T17:00:00+08:00'", "2026-02-13T17:00:00+08:00")]
    [InlineData("has no 2027 holiday schedule", "--start", "2026-12-31T17:00:00+08:00", "--minutes", "120", "--calendar", "cn-workdays")]
    public void Run_BadInput_ExitsTwoWithBilingualMessage(string messagePart, params string[] options)
    {
        var args = new string[options.Length + 2];
        args[0] = "sla";
        args[1] = "deadline";
        options.CopyTo(args, 2);

        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(messagePart, error);
        Assert.Contains(" / ", error);
    }

    [Fact]
    public void Run_InvalidCalendarFile_ExitsTwoNamingFileAndPosition()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcrm-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"name\": \"x\",\n  \"week\": { \"monday\": [\"9-18\"] } }");
        try
        {
            var (code, output, error) = Run("sla", "deadline", "--start", "2026-03-02T09:00:00+08:00", "--minutes", "30", "--calendar", path);

            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Contains(path, error);
            Assert.Contains("$.week.monday[0]", error);
            Assert.Contains("line 2", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
