using System;
using PropertyCrm.Domain;

namespace PropertyCrm.Tests.Domain;

public sealed class GuardTests
{
    [Fact]
    public void NotNull_Value_ReturnsIt()
    {
        var value = "x";

        Assert.Same(value, Guard.NotNull(value, nameof(value)));
    }

    [Fact]
    public void NotNull_Null_ThrowsNamingTheParameter()
    {
        string? value = null;

        var ex = Assert.Throws<ArgumentNullException>(() => Guard.NotNull(value!, nameof(value)));

        Assert.Equal("value", ex.ParamName);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5_000, true)]
    [InlineData(0, false)]
    [InlineData(5_001, false)]
    public void InRange_Value_AcceptsBoundsInclusive(int value, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(value, Guard.InRange(value, 1, 5_000, nameof(value)));
        }
        else
        {
            Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(value, 1, 5_000, nameof(value))).ParamName);
        }
    }
}
