using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Mapping;

public sealed class DataverseTimeTests
{
    private static readonly DateTime Wall = new(2026, 3, 2, 2, 0, 0, 500);

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)] // time-zone-independent and date-only columns: the UTC wall clock
    public void ToInstant_KindDataverseHands_ReadAsUtc(DateTimeKind kind)
    {
        var instant = DataverseTime.ToInstant(DateTime.SpecifyKind(Wall, kind));

        Assert.Equal(new DateTimeOffset(Wall.Ticks, TimeSpan.Zero), instant);
        Assert.Equal(DateTimeKind.Utc, DataverseTime.ToUtc(DateTime.SpecifyKind(Wall, kind)).Kind);
    }

    [Fact]
    public void ToInstant_Local_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataverseTime.ToInstant(DateTime.SpecifyKind(Wall, DateTimeKind.Local)));

        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Now_OperationCreatedOn_TruncatedToTheSecond()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), DataverseTime.Now(DateTime.SpecifyKind(Wall, DateTimeKind.Utc)));
    }

    [Fact]
    public void Instant_EmptyColumn_Null()
    {
        Assert.Null(DataverseTime.Instant(new Entity(ServiceRequestTable.LogicalName), ServiceRequestTable.Columns.AcceptedOn));
    }

    [Fact]
    public void FromInput_Local_ConvertedWithItsZone()
    {
        var local = DateTime.SpecifyKind(Wall, DateTimeKind.Local);

        Assert.Equal(new DateTimeOffset(local.ToUniversalTime().Ticks, TimeSpan.Zero), DataverseTime.FromInput(local));
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)]
    public void FromInput_UtcOrUnspecified_ReadAsUtc(DateTimeKind kind)
    {
        Assert.Equal(new DateTimeOffset(Wall.Ticks, TimeSpan.Zero), DataverseTime.FromInput(DateTime.SpecifyKind(Wall, kind)));
    }
}
