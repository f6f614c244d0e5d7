using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Reads the common inputs of the owner sweeps from a Custom API call; the checks are in
/// <see cref="OwnerSweepInput.Check"/>, shared with the workflow activities.
/// </summary>
internal static class LoyaltySweepInput
{
    public static OwnerSweepInput Read(IPluginExecutionContext execution, string asOfName, string pageSizeName, string budgetName, string tokenName, string tokenPrefix, int defaultPageSize, int maxPageSize) =>
        OwnerSweepInput.Check(
            execution.OperationCreatedOn,
            execution.GetOptionalInput<DateTime?>(asOfName),
            execution.GetOptionalInput<int?>(pageSizeName),
            execution.GetOptionalInput<int?>(budgetName),
            execution.GetOptionalInput<string>(tokenName),
            tokenPrefix,
            defaultPageSize,
            maxPageSize);
}
