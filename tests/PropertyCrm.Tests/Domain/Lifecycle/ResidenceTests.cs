using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

public sealed class ResidenceTests
{
    /// <param name="occupancies">Semicolon-separated "start..end" spans, blank parts for blank dates, "!" suffix = withdrawn.</param>
    [Theory]
    [InlineData("", "2025-03-01", "2025-03-01", null)]
    [InlineData("", null, null, null)]
    [InlineData("2025-05-01..", "2025-03-01", "2025-05-01", null)]
    [InlineData("2024-01-01..2025-02-01;2025-06-01..", null, "2025-06-01", null)]
    [InlineData("2024-01-01..;2025-06-01..", null, "2024-01-01", null)]
    [InlineData("2024-01-01..2025-02-01;2024-06-01..2025-04-01", null, "2024-01-01", "2025-04-01")]
    [InlineData("2024-01-01..2025-02-01;2025-06-01..2027-01-01", null, "2025-06-01", "2027-01-01")]
    [InlineData("2025-08-01..", null, "2025-08-01", null)]
    [InlineData("..", "2025-03-01", "2025-03-01", null)]
    [InlineData("2024-01-01..2025-02-01;2025-06-01..!", null, "2024-01-01", "2025-02-01")]
    [InlineData("2024-01-01..2025-02-01!", null, "2024-01-01", "2025-02-01")]
    public void Derive_Occupancies_MoveInAndMoveOut(string occupancies, string? recordedMoveIn, string? expectedMoveIn, string? expectedMoveOut)
    {
        var spans = occupancies.Split(';', System.StringSplitOptions.RemoveEmptyEntries).Select(Span).ToList();

        var residence = Residence.Derive(spans, OptionalDate(recordedMoveIn), D("2025-07-01"));

        Assert.Equal(OptionalDate(expectedMoveIn), residence.MoveInOn);
        Assert.Equal(OptionalDate(expectedMoveOut), residence.MoveOutOn);
    }

    private static OccupancySpan Span(string text)
    {
        var withdrawn = text.EndsWith('!');
        var parts = text.TrimEnd('!').Split("..");
        return new OccupancySpan(
            parts[0].Length == 0 ? null : D(parts[0]),
            parts[1].Length == 0 ? null : D(parts[1]),
            withdrawn);
    }
}
