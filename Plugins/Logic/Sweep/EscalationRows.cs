using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.EscalationTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Builds the <c>pcrm_escalation</c> row for a rung, with the person or team it goes to: Warning → the request's
/// owner (user or team); Level 1 → the property's supervisor; Level 2 → its property manager; Level 3 → its quality
/// team. A role the property leaves empty yields a row with the role but no one named, so the flow that messages
/// recipients can fall back (and the gap shows in the escalation view).
/// </summary>
public static class EscalationRows
{
    public static Entity For(Entity request, DueEscalation due, Entity? property, DateTimeOffset now)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(due, nameof(due));

        var row = new Entity(EscalationTable.LogicalName)
        {
            [Columns.Name] = Name(due, request.GetAttributeValue<string>(ServiceRequestTable.Columns.Name)),
            [Columns.ServiceRequest] = new EntityReference(ServiceRequestTable.LogicalName, request.Id),
            [Columns.Kpi] = OptionValues.ToOption(due.Kpi),
            [Columns.Level] = OptionValues.ToOption(due.Level),
            [Columns.Recipient] = OptionValues.ToOption(due.Recipient),
            [Columns.DueSince] = due.DueSince.UtcDateTime,
            [Columns.RaisedOn] = now.UtcDateTime,
        };

        // Owned like its request, not by the sweep's connection user (an admin of the root business unit): the
        // property's agents and supervisor read escalations at business-unit depth and must see their own.
        if (request.GetAttributeValue<EntityReference>(ServiceRequestTable.Columns.OwnerId) is { } requestOwner)
        {
            row[Columns.OwnerId] = new EntityReference(requestOwner.LogicalName, requestOwner.Id);
        }

        var recipient = RecipientOf(request, due.Recipient, property);
        if (recipient is not null)
        {
            row[recipient.LogicalName == PlatformTables.Team ? Columns.NotifiedTeam : Columns.NotifiedUser] = recipient;
        }

        return row;
    }

    /// <summary>
    /// The row for a rung of an overdue 挽回 recovery case: linked to the case (not to its request, whose key is request × KPI ×
    /// level), KPI 挽回 Recovery, owned like the case (the supervisor), the property manager (Level 2) or quality team (Level 3)
    /// named as the recipient.
    /// </summary>
    public static Entity ForRecoveryCase(Entity recoveryCase, RecoveryRung rung, Entity? property, DateTimeOffset now)
    {
        Guard.NotNull(recoveryCase, nameof(recoveryCase));
        Guard.NotNull(rung, nameof(rung));

        var row = new Entity(EscalationTable.LogicalName)
        {
            [Columns.Name] = ColumnText.Fit($"挽回 Recovery · {LevelName(rung.Level)} · {recoveryCase.GetAttributeValue<string>(RecoveryCaseTable.Columns.Name)}", EscalationTable.MaxLengths.Name),
            [Columns.RecoveryCase] = new EntityReference(RecoveryCaseTable.LogicalName, recoveryCase.Id),
            [Columns.Kpi] = new OptionSetValue(Schema.OptionSets.SlaKpi.Recovery),
            [Columns.Level] = OptionValues.ToOption(rung.Level),
            [Columns.Recipient] = OptionValues.ToOption(rung.Recipient),
            [Columns.DueSince] = rung.DueSince.UtcDateTime,
            [Columns.RaisedOn] = now.UtcDateTime,
        };
        if (recoveryCase.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.OwnerId) is { } caseOwner)
        {
            row[Columns.OwnerId] = new EntityReference(caseOwner.LogicalName, caseOwner.Id);
        }

        var recipient = RecipientOf(recoveryCase, rung.Recipient, property);
        if (recipient is not null)
        {
            row[recipient.LogicalName == PlatformTables.Team ? Columns.NotifiedTeam : Columns.NotifiedUser] = recipient;
        }

        return row;
    }

    /// <summary>The user or team a recipient role resolves to for this request; null when nobody holds the role.</summary>
    public static EntityReference? RecipientOf(Entity request, EscalationRecipient recipient, Entity? property)
    {
        var reference = recipient switch
        {
            EscalationRecipient.Assignee => request.GetAttributeValue<EntityReference>(ServiceRequestTable.Columns.OwnerId),
            EscalationRecipient.TeamSupervisor => property?.GetAttributeValue<EntityReference>(PropertyTable.Columns.Supervisor),
            EscalationRecipient.PropertyManager => property?.GetAttributeValue<EntityReference>(PropertyTable.Columns.PropertyManager),
            EscalationRecipient.QualityDepartment => property?.GetAttributeValue<EntityReference>(PropertyTable.Columns.QualityTeam),
            _ => null,
        };
        return reference is null ? null : new EntityReference(reference.LogicalName, reference.Id);
    }

    private static string Name(DueEscalation due, string? title)
    {
        var kpi = due.Kpi switch
        {
            SlaKpi.FirstResponse => "首次响应 First response",
            SlaKpi.OnSite => "到场/初步处理 On-site",
            _ => "解决 Resolution",
        };
        var name = $"{kpi} · {LevelName(due.Level)} · {title}";
        return ColumnText.Fit(name, EscalationTable.MaxLengths.Name)!;
    }

    private static string LevelName(EscalationLevel level) => level switch
    {
        EscalationLevel.Warning => "预警 Warning",
        EscalationLevel.Level1 => "一级 Level 1",
        EscalationLevel.Level2 => "二级 Level 2",
        _ => "三级 Level 3",
    };
}
