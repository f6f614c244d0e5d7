using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Harness;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Kpi = PropertyCrm.Schema.OptionSets.SlaKpi;
using Level = PropertyCrm.Schema.OptionSets.EscalationLevel;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// A harness with the deployed catalog, one property with its escalation recipients, an agent who owns the
/// requests, and helpers that seed requests as the service-request steps leave them after create (targets,
/// clock start, first index value), run the sweep through the Custom API, and read what it wrote.
/// </summary>
/// <remarks>
/// Default request: an emergency repair (緊急: 24x7), first response only, 30 minutes from the harness's start
/// (Mon 2025-01-06 09:00 CST): warning 09:22:30, due 09:30, level 2 09:45, level 3 10:00.
/// </remarks>
internal sealed class SweepWorld
{
    public static readonly DateTime Start = HarnessClock.DefaultStart;

    public SweepWorld()
    {
        Dataverse = new FakeDataverse().WithPluginCatalog();
        Agent = Dataverse.CreateUser("客服 张敏 Agent");
        Supervisor = Dataverse.CreateUser("主管 李强 Supervisor");
        Manager = Dataverse.CreateUser("项目经理 王磊 Manager");
        QualityTeam = Dataverse.Seed(new Entity("team") { ["name"] = "品质部 Quality" });
        Property = Dataverse.Seed(new Entity(PropertyTable.LogicalName)
        {
            [PropertyTable.Columns.Name] = "翠湖花园 Emerald Lake",
            [PropertyTable.Columns.Supervisor] = new EntityReference("systemuser", Supervisor),
            [PropertyTable.Columns.PropertyManager] = new EntityReference("systemuser", Manager),
            [PropertyTable.Columns.QualityTeam] = new EntityReference("team", QualityTeam),
        });
    }

    public FakeDataverse Dataverse { get; }

    public Guid Agent { get; }

    public Guid Supervisor { get; }

    public Guid Manager { get; }

    public Guid QualityTeam { get; }

    public Guid Property { get; }

    /// <summary>Seeds an open emergency request whose first-response clock started at <paramref name="startedUtc"/> (default: the harness start).</summary>
    public Guid Request(
        DateTime? startedUtc = null,
        int frMinutes = 30,
        string frCalendar = BuiltInCalendars.TwentyFourSevenName,
        DateTime? pausedOnUtc = null,
        EntityReference? owner = null,
        Guid? property = null,
        string name = "3-1-802 漏水 leak")
    {
        var started = startedUtc ?? Start;
        var row = new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = name,
            [Columns.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
            [Columns.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            [Columns.Urgency] = new OptionSetValue(Choices.Urgency.Emergency),
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property ?? Property),
            [Columns.OwnerId] = owner ?? new EntityReference("systemuser", Agent),
            [Columns.SlaPolicyName] = "紧急 emergency",
            [Columns.SlaStartedOn] = started,
            [Columns.FirstResponseTargetMinutes] = frMinutes,
            [Columns.FirstResponseCalendar] = frCalendar,
            [Columns.FirstResponseStatus] = new OptionSetValue(Choices.SlaStatus.InProgress),
            [Columns.PausedOn] = pausedOnUtc,
            [Columns.NextEscalationOn] = FirstIndex(started, frMinutes, frCalendar),
            [Columns.CreatedOn] = started,
        };
        return Dataverse.Seed(row);
    }

    /// <summary>Seeds <paramref name="count"/> requests, all started at <paramref name="startedUtc"/>.</summary>
    public Guid[] Requests(int count, DateTime? startedUtc = null) =>
        Enumerable.Range(0, count).Select(i => Request(startedUtc, name: $"请求 request {i + 1}")).ToArray();

    /// <summary>The index value the create step stores: the warning instant (nothing recorded yet).</summary>
    public static DateTime? FirstIndex(DateTime startedUtc, int minutes, string calendar)
    {
        var catalog = BuiltInCalendars.Catalog;
        if (!catalog.TryGet(calendar, out var cal))
        {
            return startedUtc; // an unknown calendar: due at once, so the sweep meets the bad data
        }

        var clock = SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(minutes), calendar), cal, new DateTimeOffset(startedUtc));
        return NextEscalation.Of(clock, Array.Empty<EscalationLevel>())?.UtcDateTime;
    }

    public void At(DateTime utc) => Dataverse.Clock.SetClock(utc);

    /// <summary>Moves the clock to the harness start plus minutes:seconds.</summary>
    public void AtMinute(int minutes, int seconds = 0) => At(Start.AddMinutes(minutes).AddSeconds(seconds));

    public SweepOutcome Sweep(int? pageSize = 500, int? budgetSeconds = null, string? token = null, IOrganizationService? service = null)
    {
        var request = new OrganizationRequest(RunSlaSweepPlugin.ApiName);
        if (pageSize.HasValue)
        {
            request[RunSlaSweepPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunSlaSweepPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token is not null)
        {
            request[RunSlaSweepPlugin.ContinuationTokenParameter] = token;
        }

        var response = (service ?? Dataverse.Service).Execute(request);
        return new SweepOutcome(
            (int)response[RunSlaSweepPlugin.ProcessedOutput],
            (int)response[RunSlaSweepPlugin.EscalatedOutput],
            (bool)response[RunSlaSweepPlugin.MoreRecordsOutput],
            (string)response[RunSlaSweepPlugin.ContinuationTokenOutput]);
    }

    /// <summary>Calls the sweep's plug-in made in the last request.</summary>
    public CallCounts LastCalls => Dataverse.LastExecution.PluginCalls.By<RunSlaSweepPlugin>();

    public Entity Row(Guid request) => Dataverse.Peek(ServiceRequestTable.LogicalName, request)!;

    public IReadOnlyList<Entity> Escalations(Guid? request = null) =>
        Dataverse.PeekAll(EscalationTable.LogicalName)
            .Where(e => request is null || e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id == request)
            .OrderBy(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value)
            .ThenBy(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value)
            .ToArray();

    /// <summary>Rung names of a request's escalation rows, e.g. "FR Warning, FR Level1".</summary>
    public string Rungs(Guid request) => string.Join(", ", Escalations(request).Select(Rung));

    public static string Rung(Entity escalation)
    {
        var kpi = escalation.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value == Kpi.FirstResponse ? "FR" : "RES";
        var level = escalation.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value - Level.Warning;
        return kpi + " " + (EscalationLevel)level;
    }

    public DateTime? NextIndex(Guid request) => Row(request).GetAttributeValue<DateTime?>(Columns.NextEscalationOn);
}

internal sealed class SweepOutcome
{
    public SweepOutcome(int processed, int escalated, bool moreRecords, string token)
    {
        Processed = processed;
        Escalated = escalated;
        MoreRecords = moreRecords;
        Token = token;
    }

    public int Processed { get; }

    public int Escalated { get; }

    public bool MoreRecords { get; }

    public string Token { get; }

    public override string ToString() => $"processed {Processed}, escalated {Escalated}, more {MoreRecords}, token '{Token}'";
}
