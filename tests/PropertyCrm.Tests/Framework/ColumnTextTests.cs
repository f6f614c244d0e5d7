using PropertyCrm.Domain;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Tests.Framework;

public sealed class ColumnTextTests
{
    [Theory]
    [InlineData(null, 5, null)]
    [InlineData("", 5, "")]
    [InlineData("12345", 5, "12345")]
    [InlineData("123456", 5, "1234…")]
    [InlineData("冲正原因很长很长", 4, "冲正原…")]
    public void Fit_Value_FitsWithMarkerWhenCut(string? value, int max, string? expected)
    {
        Assert.Equal(expected, ColumnText.Fit(value, max));
    }

    [Fact]
    public void Fit_LongText_ExactlyTheMaximumEndingWithMarker()
    {
        var fitted = ColumnText.Fit(new string('因', 3_000), 500)!;

        Assert.Equal(500, fitted.Length);
        Assert.EndsWith(ColumnText.Marker, fitted);
    }

    [Fact]
    public void Fit_CutWouldSplitASurrogatePair_KeepsTheWholeCharacter()
    {
        var fitted = ColumnText.Fit("ab𠀀cd", 4)!;

        Assert.Equal("ab…", fitted);
    }

    [Fact]
    public void RequireAtMost_Longer_RefusedBilinguallyWithLimitAndLength()
    {
        var refusal = Assert.Throws<DomainException>(() => TextLimits.RequireAtMost("123456", 5, "SourceId"));

        Assert.Equal(TextLimits.TooLongCode, refusal.Code);
        Assert.Contains("SourceId 最多 5 个字符,收到 6 个", refusal.Message);
        Assert.Contains("SourceId takes at most 5 characters but got 6", refusal.Message);
        Assert.Equal("12345", TextLimits.RequireAtMost("12345", 5, "SourceId"));
    }
}
