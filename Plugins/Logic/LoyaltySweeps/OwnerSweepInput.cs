using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The common inputs of the owner-by-owner sweeps (points expiry, tier review, lifecycle review), checked with
/// bilingual refusals. Context-free so the Custom API plug-ins and the classic workflow activities refuse the same
/// input with the same message.
/// </summary>
public sealed class OwnerSweepInput
{
    private OwnerSweepInput(DateTimeOffset asOf, int pageSize, int budgetSeconds, OwnerSweepToken? token)
    {
        AsOf = asOf;
        PageSize = pageSize;
        BudgetSeconds = budgetSeconds;
        Token = token;
    }

    /// <summary>The instant the sweep judges at: the caller's, else now.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Owners per page, capped at the sweep's maximum.</summary>
    public int PageSize { get; }

    /// <summary>Seconds this call may run; <see cref="StopwatchSweepBudget"/> caps it.</summary>
    public int BudgetSeconds { get; }

    /// <summary>Where to resume; null from the start.</summary>
    public OwnerSweepToken? Token { get; }

    /// <summary>
    /// Checks the inputs in a fixed order (as of, budget, page size, token) so the first problem is the one reported.
    /// Date-times carry no zone in Dataverse messages: both <paramref name="nowUtc"/> and <paramref name="asOf"/> are
    /// read as UTC whatever their <see cref="DateTime.Kind"/>.
    /// </summary>
    /// <param name="nowUtc">The operation's creation time (the caller's clock, never the machine's).</param>
    /// <param name="asOf">Blank for now; refused when later than now.</param>
    /// <param name="pageSize">Blank for <paramref name="defaultPageSize"/>; below 1 refused; above <paramref name="maxPageSize"/> capped.</param>
    /// <param name="budgetSeconds">Blank for <see cref="StopwatchSweepBudget.DefaultSeconds"/>; negative refused.</param>
    /// <param name="token">A continuation token of this sweep (<paramref name="tokenPrefix"/>), or blank.</param>
    /// <exception cref="InvalidPluginExecutionException">An input is refused; the message is bilingual.</exception>
    public static OwnerSweepInput Check(DateTime nowUtc, DateTime? asOf, int? pageSize, int? budgetSeconds, string? token, string tokenPrefix, int defaultPageSize, int maxPageSize)
    {
        // Plug-ins and workflow activities both come through here, with whatever kind their host gives.
        var now = DataverseTime.FromInput(nowUtc);
        var at = asOf.HasValue ? DataverseTime.FromInput(asOf.Value) : now;
        if (at > now)
        {
            throw new InvalidPluginExecutionException($"截至时间不能晚于现在:{at:o} / As of cannot be later than now: {at:o}.");
        }

        var budget = budgetSeconds ?? StopwatchSweepBudget.DefaultSeconds;
        if (budget < 0)
        {
            throw new InvalidPluginExecutionException($"时间预算不能为负数:{budget} / The time budget cannot be negative: {budget}.");
        }

        if (pageSize.HasValue && pageSize.Value < 1)
        {
            throw new InvalidPluginExecutionException($"每页记录数须为 1 到 {maxPageSize}:{pageSize} / Page size must be 1 to {maxPageSize}: {pageSize}.");
        }

        OwnerSweepToken? resumeAfter;
        try
        {
            resumeAfter = OwnerSweepToken.Parse(tokenPrefix, token);
        }
        catch (FormatException ex)
        {
            throw new InvalidPluginExecutionException(ex.Message);
        }

        return new OwnerSweepInput(at, Math.Min(pageSize ?? defaultPageSize, maxPageSize), budget, resumeAfter);
    }
}
