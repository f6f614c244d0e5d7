using System;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The four inputs every owner sweep takes, as the caller sent them (blank = null): a Custom API's parameters or a
/// workflow activity's arguments. The sweep's service checks them (<see cref="OwnerSweepInput.Check"/>).
/// </summary>
public sealed record OwnerSweepArguments(DateTime? AsOf, int? PageSize, int? BudgetSeconds, string? ContinuationToken)
{
    /// <summary>Checked against one sweep's token prefix and page sizes, "now" being the execution's.</summary>
    public OwnerSweepInput Check(DateTime nowUtc, string tokenPrefix, int defaultPageSize, int maxPageSize) =>
        OwnerSweepInput.Check(nowUtc, AsOf, PageSize, BudgetSeconds, ContinuationToken, tokenPrefix, defaultPageSize, maxPageSize);
}
