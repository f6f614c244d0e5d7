using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.RecoveryCaseTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// Opens the 挽回 recovery case of a detractor 回访, as SYSTEM: owned by the property's 客服主管 supervisor (else its
/// 项目经理 manager, else the 回访's own owner), due <see cref="FollowUpPolicy.RecoveryDueAfter"/> later (24x7).
/// One per 回访: a 回访 finishes once.
/// </summary>
public static class RecoveryCases
{
    public static Guid Open(IOrganizationService system, Entity followUp, Entity request, RecoveryReason reason, DateTimeOffset now, Action<string> trace)
    {
        var property = followUp.GetAttributeValue<EntityReference>(FollowUpTable.Columns.Property);
        var propertyRow = property is null
            ? null
            : system.Retrieve(PropertyTable.LogicalName, property.Id, new ColumnSet(PropertyTable.Columns.Supervisor, PropertyTable.Columns.PropertyManager));
        var owner = propertyRow?.GetAttributeValue<EntityReference>(PropertyTable.Columns.Supervisor)
            ?? propertyRow?.GetAttributeValue<EntityReference>(PropertyTable.Columns.PropertyManager)
            ?? followUp.GetAttributeValue<EntityReference>(FollowUpTable.Columns.OwnerId);
        var dueOn = FollowUpPolicy.RecoveryDueOn(now);
        var row = new Entity(RecoveryCaseTable.LogicalName)
        {
            [Columns.Name] = ColumnText.Fit("挽回 · " + request.GetAttributeValue<string>(ServiceRequestTable.Columns.Name), RecoveryCaseTable.MaxLengths.Name),
            [Columns.ServiceRequest] = new EntityReference(ServiceRequestTable.LogicalName, request.Id),
            [Columns.FollowUp] = new EntityReference(FollowUpTable.LogicalName, followUp.Id),
            [Columns.Contact] = followUp.GetAttributeValue<EntityReference>(FollowUpTable.Columns.Contact),
            [Columns.Property] = property,
            [Columns.Reason] = OptionValues.ToOption(reason),
            [Columns.DueOn] = dueOn.UtcDateTime,

            // The SLA sweep's index: at the due time the case escalates to the property manager (RecoveryEscalation).
            [Columns.NextEscalationOn] = RecoveryEscalation.NextOn(dueOn, Array.Empty<EscalationLevel>())?.UtcDateTime,
        };
        if (owner is not null)
        {
            row[Columns.OwnerId] = owner;
        }

        var id = system.Create(row);
        trace($"挽回 {id} ({reason}) due {dueOn:o} for {owner?.LogicalName} {owner?.Id}.");
        return id;
    }
}
