using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Schema.Tables;
using Reasons = PropertyCrm.Schema.Tables.RedemptionTable.StatusReasons;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>Redemption status reason (statuscode) and state ↔ <see cref="RedemptionStatus"/>.</summary>
public static class RedemptionStatusMapping
{
    /// <summary>The status a row holds or an update sets: its status reason, else its state's default reason (SetState
    /// and "Deactivate" may send only the state); null when neither names a known status.</summary>
    public static RedemptionStatus? Read(Entity? row)
    {
        if (row is null)
        {
            return null;
        }

        var reason = row.GetAttributeValue<OptionSetValue>(RedemptionTable.Columns.StatusCode)?.Value;
        switch (reason)
        {
            case Reasons.Requested:
                return RedemptionStatus.Requested;
            case Reasons.Fulfilled:
                return RedemptionStatus.Fulfilled;
            case Reasons.Cancelled:
                return RedemptionStatus.Cancelled;
        }

        switch (row.GetAttributeValue<OptionSetValue>(RedemptionTable.Columns.StateCode)?.Value)
        {
            case RedemptionTable.States.Active:
                return RedemptionStatus.Requested;
            case RedemptionTable.States.Inactive:
                return RedemptionStatus.Cancelled;
            default:
                return null;
        }
    }
}
