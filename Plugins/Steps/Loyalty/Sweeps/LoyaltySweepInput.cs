using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>The common inputs of the loyalty sweeps, checked with bilingual refusals.</summary>
internal sealed class LoyaltySweepInput
{
    private LoyaltySweepInput(DateTimeOffset asOf, int pageSize, int budgetSeconds, OwnerSweepToken? token)
    {
        AsOf = asOf;
        PageSize = pageSize;
        BudgetSeconds = budgetSeconds;
        Token = token;
    }

    public DateTimeOffset AsOf { get; }

    public int PageSize { get; }

    public int BudgetSeconds { get; }

    public OwnerSweepToken? Token { get; }

    public static LoyaltySweepInput Read(IPluginExecutionContext execution, string asOfName, string pageSizeName, string budgetName, string tokenName, string tokenPrefix, int defaultPageSize, int maxPageSize)
    {
        var now = new DateTimeOffset(DateTime.SpecifyKind(execution.OperationCreatedOn, DateTimeKind.Utc));
        var asOfInput = execution.GetOptionalInput<DateTime?>(asOfName);
        var asOf = asOfInput.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(asOfInput.Value, DateTimeKind.Utc)) : now;
        if (asOf > now)
        {
            throw new InvalidPluginExecutionException($"截至时间不能晚于现在:{asOf:o} / As of cannot be later than now: {asOf:o}.");
        }

        var budgetSeconds = execution.GetOptionalInput<int?>(budgetName) ?? StopwatchSweepBudget.DefaultSeconds;
        if (budgetSeconds < 0)
        {
            throw new InvalidPluginExecutionException($"时间预算不能为负数:{budgetSeconds} / The time budget cannot be negative: {budgetSeconds}.");
        }

        var pageSize = execution.GetOptionalInput<int?>(pageSizeName);
        if (pageSize.HasValue && pageSize.Value < 1)
        {
            throw new InvalidPluginExecutionException($"每页记录数须为 1 到 {maxPageSize}:{pageSize} / Page size must be 1 to {maxPageSize}: {pageSize}.");
        }

        OwnerSweepToken? token;
        try
        {
            token = OwnerSweepToken.Parse(tokenPrefix, execution.GetOptionalInput<string>(tokenName));
        }
        catch (FormatException ex)
        {
            throw new InvalidPluginExecutionException(ex.Message);
        }

        return new LoyaltySweepInput(asOf, Math.Min(pageSize ?? defaultPageSize, maxPageSize), budgetSeconds, token);
    }
}
