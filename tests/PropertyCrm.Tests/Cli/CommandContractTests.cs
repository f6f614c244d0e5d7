using System;
using System.IO;
using System.Linq;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Cli;

/// <summary>
/// The contract of the commands that parse their own options (sla, pack, generate, validate, simulate), written down
/// before they moved onto System.CommandLine and held after: the same output for good input, exit 2 with nothing on
/// stdout and a bilingual message on stderr for bad usage, every option named in the command's --help. None of these
/// cases builds anything (pack, generate and simulate are refused before they would start a build).
/// </summary>
public sealed class CommandContractTests
{
    public static TheoryData<string[], string> GoodInput() => new()
    {
        { new[] { "sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "120", "--calendar", "cn-workdays" }, "2026-02-14T10:00:00+08:00\n" },
        { new[] { "sla", "deadline", "--start=2026-02-13T17:00:00+08:00", "--minutes=30", "--calendar=cn-workdays" }, "2026-02-13T17:30:00+08:00\n" },
        { new[] { "sla", "deadline", "--calendar", "24x7", "--minutes", "30", "--start", "2026-02-15T15:50:00Z" }, "2026-02-16T00:20:00+08:00\n" },
        {
            new[] { "sla", "plan", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--urgency", "emergency", "--tier", "diamond" },
            "受理 first response: 2025-01-10T18:00:00+08:00 (30 min on 24x7; policy 紧急 emergency; warning 2025-01-10T17:52:30+08:00)\n"
            + "解决 resolution: 2025-01-10T21:30:00+08:00 (4 h on 24x7; policy 紧急 emergency; warning 2025-01-10T20:30:00+08:00)\n"
            + "到场 on-site: 2025-01-10T18:00:00+08:00 (30 min on 24x7; policy 紧急 emergency; warning 2025-01-10T17:52:30+08:00)\n"
        },
        { new[] { "sla", "calendars", "--json", "24x7" }, BuiltInCalendars.Definition("24x7") + "\n" },
    };

    [Theory]
    [MemberData(nameof(GoodInput))]
    public void Run_GoodInput_PrintsExactlyTheOutputItAlwaysPrinted(string[] args, string expected)
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run(args);

        Assert.True(code == 0, error);
        Assert.Equal(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal), output);
        Assert.Empty(error);
    }

    [Fact]
    public void Run_SlaCalendars_PrintsTheHeaderAndOneLinePerBuiltInCalendar()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("sla", "calendars");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name         offset  years        description", lines[0]);
        Assert.Equal(BuiltInCalendars.Catalog.Calendars.Count + 1, lines.Length);
    }

    [Theory]
    [InlineData("sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--hours", "30", "--calendar", "cn-workdays")]
    [InlineData("sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30", "--calendar")]
    [InlineData("sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "30")]
    [InlineData("sla", "deadline", "2026-02-13T17:00:00+08:00")]
    [InlineData("sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--minutes", "x", "--calendar", "cn-workdays")]
    [InlineData("sla", "plan", "--type", "repair")]
    [InlineData("sla", "plan", "--type", "plumbing", "--created", "2025-01-10T17:30:00+08:00")]
    [InlineData("sla", "plan", "--type", "repair", "--created", "2025-01-10T17:30:00+08:00", "--line", "security")]
    [InlineData("sla", "calendars", "--all")]
    [InlineData("sla", "calendars", "cn-workdays")]
    [InlineData("sla", "calendars", "--json", "nope")]
    [InlineData("pack", "--base-language", "1031")]
    [InlineData("pack", "--bogus", "x")]
    [InlineData("pack", "zips")]
    [InlineData("generate", "--bogus", "x")]
    [InlineData("generate", "Solution")]
    [InlineData("validate", "--bogus", "x")]
    [InlineData("validate", "--solution")]
    [InlineData("pakc")]
    public void Run_BadUsage_ExitsTwoWithNothingOnStdoutAndABilingualMessage(params string[] args)
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(" / ", error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error);
    }

    [Theory]
    [InlineData("sla deadline", "--start", "--minutes", "--calendar")]
    [InlineData("sla plan", "--type", "--created", "--urgency", "--tier", "--calendar")]
    [InlineData("sla calendars", "--json")]
    [InlineData("pack", "--out", "--solution", "--schemas", "--base-language", "--no-build")]
    [InlineData("generate", "--solution", "--check", "--no-build")]
    [InlineData("validate", "--solution", "--schemas")]
    [InlineData("simulate", "--seed", "--properties", "--units", "--months", "--start", "--out")]
    public void Run_Help_ExitsZeroAndNamesEveryOption(string command, params string[] options)
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run(command.Split(' ').Append("--help").ToArray());

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.All(options, o => Assert.Contains(o, output));
    }

    [Theory]
    [InlineData("did you mean: --minutes", "sla", "deadline", "--start", "2026-02-13T17:00:00+08:00", "--minute", "30", "--calendar", "cn-workdays")]
    [InlineData("did you mean: plan", "sla", "plna")]
    [InlineData("did you mean: --base-language", "pack", "--base-lang", "2052")]
    [InlineData("did you mean: --check", "generate", "--chek")]
    [InlineData("did you mean: pack", "pakc")]
    public void Run_Mistyped_SuggestsTheClosestCommandOrOption(string suggestion, params string[] args)
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("你是不是想输入 / " + suggestion, error);
    }

    [Fact]
    public void Run_MissingRequiredOption_NamesItInChineseAndEnglish()
    {
        var (code, _, error) = SlaDeadlineCommandTests.Run("sla", "plan", "--type", "repair");

        Assert.Equal(2, code);
        Assert.Contains("缺少必填选项 --created / Option '--created' is required.", error);
    }

    [Fact]
    public void Run_NoArguments_PrintsTheCommandListAndExitsTwo()
    {
        var (code, output, _) = SlaDeadlineCommandTests.Run();

        Assert.Equal(2, code);
        Assert.All(new[] { "pack", "validate", "generate", "simulate", "sla plan", "sla deadline", "sla calendars", "data push", "import" }, c => Assert.Contains(c, output));
    }

    [Fact]
    public void Run_UnknownSchemaFolder_ExitsTwoBeforeLookingForTheRepository()
    {
        var (code, output, error) = SlaDeadlineCommandTests.Run("validate", "--schemas", Path.Combine(Path.GetTempPath(), "pcrm-no-such-schemas"));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Dataverse schema folder not found", error);
    }
}
