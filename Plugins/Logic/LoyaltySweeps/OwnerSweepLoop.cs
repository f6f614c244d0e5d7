using System;
using System.Collections.Generic;
using PropertyCrm.Plugins.Logic.Sweep;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The paging, budget and continuation loop the owner-by-owner sweeps share (points expiry, tier review, lifecycle
/// review): pages of owners in contact id order after the token, at least one owner per call, then stop as soon as
/// the budget is spent and hand back the last owner finished as the token.
/// </summary>
public static class OwnerSweepLoop
{
    /// <summary>Runs <paramref name="handle"/> on each owner of each page until the owners or the budget run out.</summary>
    /// <typeparam name="TOwner">What a page holds for one owner (its id, or the row the page read).</typeparam>
    /// <param name="tokenPrefix">The sweep's token prefix (<see cref="OwnerSweepToken"/>).</param>
    /// <param name="pageSize">Owners per page, already capped by the sweep: a shorter page is the last one.</param>
    /// <param name="token">Where to resume; null from the start.</param>
    /// <param name="budget">Checked before each owner but the call's first.</param>
    /// <param name="checkBudgetBeforePage">Also checked before reading a page (but the first), for sweeps whose page costs several queries.</param>
    /// <param name="readPage">The next page of owners after the given id (null: from the start), ids ascending.</param>
    /// <param name="idOf">The owner's contact id.</param>
    /// <param name="handle">Handles one owner; true when it changed the owner's rows.</param>
    /// <returns>Owners processed and changed, whether more remain, and the token to resume with; <see cref="LoyaltySweepResult.Points"/> is 0.</returns>
    public static LoyaltySweepResult Run<TOwner>(
        string tokenPrefix,
        int pageSize,
        OwnerSweepToken? token,
        ISweepBudget budget,
        bool checkBudgetBeforePage,
        Func<Guid?, IReadOnlyList<TOwner>> readPage,
        Func<TOwner, Guid> idOf,
        Func<TOwner, bool> handle)
    {
        var after = token?.LastOwnerId;
        var processed = 0;
        var changed = 0;
        var firstOwner = true;
        while (true)
        {
            if (checkBudgetBeforePage && !firstOwner && budget.IsSpent)
            {
                return Stopped(tokenPrefix, processed, changed, after);
            }

            var owners = readPage(after);
            if (owners.Count == 0)
            {
                return new LoyaltySweepResult(processed, 0, changed, false, null);
            }

            foreach (var owner in owners)
            {
                // At least one owner per call (budget 0 handles exactly one), then stop when the budget is spent.
                if (!firstOwner && budget.IsSpent)
                {
                    return Stopped(tokenPrefix, processed, changed, after);
                }

                firstOwner = false;
                changed += handle(owner) ? 1 : 0;
                processed++;
                after = idOf(owner);
            }

            if (owners.Count < pageSize)
            {
                return new LoyaltySweepResult(processed, 0, changed, false, null);
            }
        }
    }

    private static LoyaltySweepResult Stopped(string tokenPrefix, int processed, int changed, Guid? after) =>
        new(processed, 0, changed, true, after.HasValue ? new OwnerSweepToken(tokenPrefix, after.Value) : null);
}
