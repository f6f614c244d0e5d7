using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Reads the common inputs of the owner sweeps from a Custom API call; the sweep's service checks them
/// (<see cref="OwnerSweepArguments.Check"/>), as for the workflow activities.
/// </summary>
internal static class LoyaltySweepInput
{
    public static OwnerSweepArguments Read(IPluginExecutionContext execution, string asOfName, string pageSizeName, string budgetName, string tokenName) =>
        new(
            execution.GetOptionalInput<DateTime?>(asOfName),
            execution.GetOptionalInput<int?>(pageSizeName),
            execution.GetOptionalInput<int?>(budgetName),
            execution.GetOptionalInput<string>(tokenName));
}
