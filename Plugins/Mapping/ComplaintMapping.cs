using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>The complaint columns of a request row ↔ <see cref="ComplaintDetails"/>.</summary>
public static class ComplaintMapping
{
    /// <summary>The columns <see cref="Read"/> uses.</summary>
    public static readonly string[] ColumnsRead =
    {
        Columns.ComplaintCause, Columns.ResponsibleDepartment, Columns.EscalatedOutside, Columns.ValidComplaint, Columns.ValidComplaintReason,
    };

    /// <summary>The decision columns: setting either of them is a decision, stamped with who and when.</summary>
    public static readonly string[] DecisionColumns = { Columns.ValidComplaint, Columns.ValidComplaintReason };

    /// <summary>The columns only the system writes, with the decision.</summary>
    public static readonly string[] DecisionStampColumns = { Columns.ValidComplaintDecidedOn, Columns.ValidComplaintDecidedBy };

    public static ComplaintDetails Read(Entity row) => new(
        OptionValues.Read<ComplaintCause>(row, Columns.ComplaintCause),
        row.GetAttributeValue<OptionSetValue>(Columns.ResponsibleDepartment) is not null,
        row.GetAttributeValue<OptionSetValue>(Columns.EscalatedOutside) is not null,
        row.GetAttributeValue<bool?>(Columns.ValidComplaint) == true,
        row.GetAttributeValue<string>(Columns.ValidComplaintReason));
}
