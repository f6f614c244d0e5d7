using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class WorkingIntervalTests
{
    [Theory]
    [InlineData("09:00-18:00", 540, 1080)]
    [InlineData("00:00-24:00", 0, 1440)]
    [InlineData(" 13:30 - 17:30 ", 810, 1050)]
    public void Parse_ValidText_ReadsStartAndEnd(string text, int startMinutes, int endMinutes)
    {
        var interval = WorkingInterval.Parse(text);

        Assert.Equal(TimeSpan.FromMinutes(startMinutes), interval.Start);
        Assert.Equal(TimeSpan.FromMinutes(endMinutes), interval.End);
    }

    [Theory]
    [InlineData("9:00-18:00")]
    [InlineData("09:00")]
    [InlineData("09:00-24:30")]
    [InlineData("09:60-18:00")]
    [InlineData("18:00-09:00")]
    [InlineData("09:00-09:00")]
    [InlineData("09:00-18:00-19:00")]
    public void Parse_InvalidText_ThrowsBilingualDomainException(string text)
    {
        var ex = Assert.Throws<DomainException>(() => WorkingInterval.Parse(text));

        Assert.Equal(CalendarErrorCodes.InvalidInterval, ex.Code);
        Assert.Contains("工作时段", ex.Message);
        Assert.Contains("working interval", ex.Message);
    }

    [Fact]
    public void ToString_EndAtMidnight_PrintsTwentyFour()
    {
        Assert.Equal("00:00-24:00", WorkingInterval.Parse("00:00-24:00").ToString());
    }
}
