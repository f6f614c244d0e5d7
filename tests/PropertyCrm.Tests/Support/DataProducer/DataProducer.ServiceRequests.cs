using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Support;

// Properties with their escalation recipients, and service requests as the create steps leave them.
internal sealed partial class DataProducer
{
    /// <summary>A property; the recipients are the 主管, the 项目经理 and the 品质部 team the SLA sweep escalates to; the 客服
    /// team owns its 回访, due after the follow-up hours (blank: 24).</summary>
    public Guid Property(string name, Guid? supervisor = null, Guid? manager = null, Guid? qualityTeam = null, Guid? serviceTeam = null, int? followUpDueHours = null)
    {
        var row = new Entity(PropertyTable.LogicalName) { [PropertyTable.Columns.Name] = name };
        if (supervisor.HasValue)
        {
            row[PropertyTable.Columns.Supervisor] = new EntityReference(PlatformTables.SystemUser, supervisor.Value);
        }

        if (manager.HasValue)
        {
            row[PropertyTable.Columns.PropertyManager] = new EntityReference(PlatformTables.SystemUser, manager.Value);
        }

        if (qualityTeam.HasValue)
        {
            row[PropertyTable.Columns.QualityTeam] = new EntityReference(PlatformTables.Team, qualityTeam.Value);
        }

        if (serviceTeam.HasValue)
        {
            row[PropertyTable.Columns.ServiceTeam] = new EntityReference(PlatformTables.Team, serviceTeam.Value);
        }

        if (followUpDueHours.HasValue)
        {
            row[PropertyTable.Columns.FollowUpDueHours] = followUpDueHours.Value;
        }

        return dataverse.Seed(row);
    }

    public Guid Team(string name) => dataverse.Seed(new Entity(PlatformTables.Team) { [PlatformTables.TeamName] = name });

    /// <summary>A request reported by the owner, opened (createdon) at 10:00 China time on <paramref name="openedOn"/>; the clock is left where it was.</summary>
    public Guid RequestOpenedOn(Guid owner, string openedOn)
    {
        var now = dataverse.Clock.UtcNow;
        dataverse.Clock.SetClock(At(openedOn));
        var id = dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = "报修 / Repair " + Next(),
            [Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        });
        dataverse.Clock.SetClock(now);
        return id;
    }

    /// <summary>
    /// An open emergency repair (24x7 unless <paramref name="frCalendar"/> says otherwise) whose first-response
    /// clock started at <paramref name="startedUtc"/>, with the targets, clock start and first escalation index
    /// the create steps store.
    /// </summary>
    public Guid OpenEmergencyRequest(
        Guid property,
        EntityReference owner,
        DateTime startedUtc,
        int frMinutes = 30,
        string frCalendar = BuiltInCalendars.TwentyFourSevenName,
        DateTime? pausedOnUtc = null,
        string name = "3-1-802 漏水 leak") =>
        dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = name,
            [Columns.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
            [Columns.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            [Columns.Urgency] = new OptionSetValue(Choices.Urgency.Emergency),
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [Columns.OwnerId] = owner,
            [Columns.SlaPolicyName] = "紧急 emergency",
            [Columns.SlaStartedOn] = startedUtc,
            [Columns.FirstResponseTargetMinutes] = frMinutes,
            [Columns.FirstResponseCalendar] = frCalendar,
            [Columns.FirstResponseStatus] = new OptionSetValue(Choices.SlaStatus.InProgress),
            [Columns.PausedOn] = pausedOnUtc,
            [Columns.NextEscalationOn] = FirstEscalationIndex(startedUtc, frMinutes, frCalendar),
            [Columns.CreatedOn] = startedUtc,
        });

    /// <summary>The index value the create step stores: the warning instant (nothing recorded yet).</summary>
    public static DateTime? FirstEscalationIndex(DateTime startedUtc, int minutes, string calendar)
    {
        if (!BuiltInCalendars.Catalog.TryGet(calendar, out var cal))
        {
            return startedUtc; // an unknown calendar: due at once, so the sweep meets the bad data
        }

        var clock = SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(minutes), calendar), cal, new DateTimeOffset(startedUtc));
        return NextEscalation.Of(clock, Array.Empty<EscalationLevel>())?.UtcDateTime;
    }
}
