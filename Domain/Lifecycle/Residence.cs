using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// The move-in and move-out an owner of several units has, as <see cref="OwnerFacts"/> wants them: derived from
/// their occupancies on a date, falling back to the move-in date recorded on the owner.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>An occupancy has ended on <c>asOf</c> when its end date is on or before it. A withdrawn (deactivated)
/// occupancy counts only by its end date: without one it is no evidence that the owner lives there.</item>
/// <item>Move-in: the earliest start among occupancies not ended on <c>asOf</c>; when every occupancy has ended, the
/// earliest start of all (so a former owner keeps a move-in before the move-out). Blank starts are ignored; with no
/// start at all, the recorded move-in date (the owner had no occupancy rows, or their dates were never filled).</item>
/// <item>Move-out: the latest end date, and only when every counted occupancy has one (possibly after <c>asOf</c>:
/// the rules treat the owner as resident until then).</item>
/// </list>
/// </remarks>
public sealed record Residence(ChinaDate? MoveInOn, ChinaDate? MoveOutOn)
{
    public static Residence Derive(IEnumerable<OccupancySpan> occupancies, ChinaDate? recordedMoveIn, ChinaDate asOf)
    {
        ChinaDate? currentStart = null;
        ChinaDate? anyStart = null;
        ChinaDate? latestEnd = null;
        var counted = 0;
        var open = 0;
        foreach (var occupancy in occupancies)
        {
            if (occupancy.Withdrawn && occupancy.EndOn is null)
            {
                continue;
            }

            counted++;
            if (occupancy.EndOn is ChinaDate end)
            {
                latestEnd = latestEnd is ChinaDate soFar ? ChinaDate.Max(soFar, end) : end;
            }
            else
            {
                open++;
            }

            if (occupancy.StartOn is not ChinaDate start)
            {
                continue;
            }

            anyStart = anyStart is ChinaDate earliest ? ChinaDate.Min(earliest, start) : start;
            if (occupancy.EndOn is not ChinaDate ended || ended > asOf)
            {
                currentStart = currentStart is ChinaDate current ? ChinaDate.Min(current, start) : start;
            }
        }

        var moveIn = currentStart ?? anyStart ?? recordedMoveIn;
        var moveOut = counted > 0 && open == 0 ? latestEnd : null;
        return new Residence(moveIn, moveOut);
    }
}
