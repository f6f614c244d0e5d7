using PropertyCrm.Domain;

namespace PropertyCrm.Tests.Domain;

public sealed class InstantPrecisionTests
{
    [Theory]
    [InlineData("2026-03-02T10:00:00+08:00", "2026-03-02T10:00:00+08:00")]
    [InlineData("2026-03-02T10:00:00.0000001+08:00", "2026-03-02T10:00:00+08:00")]
    [InlineData("2026-03-02T10:00:59.9999999+08:00", "2026-03-02T10:00:59+08:00")]
    [InlineData("2026-12-31T23:59:59.5Z", "2026-12-31T23:59:59+00:00")]
    [InlineData("2026-03-02T10:00:00.5-05:30", "2026-03-02T10:00:00-05:30")] // the offset is kept
    public void TruncateToSecond_Instant_DropsSubSecondTicks(string instant, string expected)
    {
        Assert.Equal(expected, Iso.Format(InstantPrecision.TruncateToSecond(Iso.At(instant))));
    }
}
