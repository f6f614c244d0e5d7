using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Harness;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Kpi = PropertyCrm.Schema.OptionSets.SlaKpi;
using Level = PropertyCrm.Schema.OptionSets.EscalationLevel;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// The test base with one property and its escalation recipients, an agent who owns the requests, and helpers that
/// seed requests as the service-request steps leave them after create (targets, clock start, first index value;
/// <see cref="DataProducer.OpenEmergencyRequest"/>), run the sweep through the Custom API, and read what it wrote.
/// </summary>
/// <remarks>
/// Default request: an emergency repair (緊急: 24x7), first response only, 30 minutes from the harness's start
/// (Mon 2025-01-06 09:00 CST): warning 09:22:30, due 09:30, level 2 09:45, level 3 10:00.
/// </remarks>
internal sealed class SweepWorld : DataverseTestBase
{
    public static readonly DateTime Start = HarnessClock.DefaultStart;

    public SweepWorld()
    {
        Agent = Dataverse.CreateUser("客服 张敏 Agent");
        Supervisor = Dataverse.CreateUser("主管 李强 Supervisor");
        Manager = Dataverse.CreateUser("项目经理 王磊 Manager");
        QualityTeam = Data.Team("品质部 Quality");
        Property = Data.Property("翠湖花园 Emerald Lake", Supervisor, Manager, QualityTeam);
    }

    public Guid Agent { get; }

    public Guid Supervisor { get; }

    public Guid Manager { get; }

    public Guid QualityTeam { get; }

    public Guid Property { get; }

    /// <summary>Seeds an open emergency request (see <see cref="DataProducer.OpenEmergencyRequest"/>) on the world's property, owned by the agent, started at <paramref name="startedUtc"/> (default: the harness start).</summary>
    public Guid Request(
        DateTime? startedUtc = null,
        int frMinutes = 30,
        string frCalendar = BuiltInCalendars.TwentyFourSevenName,
        DateTime? pausedOnUtc = null,
        EntityReference? owner = null,
        Guid? property = null,
        string name = "3-1-802 漏水 leak") =>
        Data.OpenEmergencyRequest(
            property ?? Property,
            owner ?? new EntityReference(PlatformTables.SystemUser, Agent),
            startedUtc ?? Start,
            frMinutes,
            frCalendar,
            pausedOnUtc,
            name);

    /// <summary>Seeds <paramref name="count"/> requests, all started at <paramref name="startedUtc"/>.</summary>
    public Guid[] Requests(int count, DateTime? startedUtc = null) =>
        Enumerable.Range(0, count).Select(i => Request(startedUtc, name: $"请求 request {i + 1}")).ToArray();

    public void At(DateTime utc) => Dataverse.Clock.SetClock(utc);

    /// <summary>Seeds the SLA sweep's job row, as an earlier call left it (steady state: the lock row exists).</summary>
    public Guid JobRow() => Dataverse.Seed(new Entity(SweepJobTable.LogicalName)
    {
        [SweepJobTable.Columns.Name] = SweepJobTable.Jobs.SlaSweep,
        [SweepJobTable.Columns.LockVersion] = 1,
    });

    /// <summary>The SLA sweep's job row; null before the first call.</summary>
    public Entity? Job => Dataverse.PeekAll(SweepJobTable.LogicalName).SingleOrDefault(e => e.GetAttributeValue<string>(SweepJobTable.Columns.Name) == SweepJobTable.Jobs.SlaSweep);

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
            .Where(e => request is null || e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest)?.Id == request)
            .OrderBy(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value)
            .ThenBy(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value)
            .ToArray();

    /// <summary>Rung names of a request's escalation rows, e.g. "FR Warning, FR Level1".</summary>
    public string Rungs(Guid request) => string.Join(", ", Escalations(request).Select(Rung));

    public static string Rung(Entity escalation)
    {
        var kpi = escalation.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value switch
        {
            Kpi.FirstResponse => "FR",
            Kpi.OnSite => "OS",
            _ => "RES",
        };
        var level = escalation.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value - Level.Warning;
        return kpi + " " + (EscalationLevel)level;
    }

    /// <summary>
    /// Seeds an open 挽回 recovery case of the world's property as <c>RecoveryCases.Open</c> leaves it: owned by the supervisor,
    /// due at <paramref name="dueUtc"/>, indexed for the sweep at the same instant.
    /// </summary>
    public Guid RecoveryCase(DateTime dueUtc, string name = "挽回 · 3-1-802 漏水 leak")
    {
        var request = Request(name: "3-1-802 漏水 leak (recovery)", startedUtc: Start.AddDays(30));
        return Dataverse.Seed(new Entity(RecoveryCaseTable.LogicalName)
        {
            [RecoveryCaseTable.Columns.Name] = name,
            [RecoveryCaseTable.Columns.ServiceRequest] = new EntityReference(ServiceRequestTable.LogicalName, request),
            [RecoveryCaseTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Property),
            [RecoveryCaseTable.Columns.Reason] = new OptionSetValue(PropertyCrm.Schema.OptionSets.RecoveryReason.LowSatisfaction),
            [RecoveryCaseTable.Columns.DueOn] = dueUtc,
            [RecoveryCaseTable.Columns.NextEscalationOn] = dueUtc,
            [RecoveryCaseTable.Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, Supervisor),
        });
    }

    public Entity Case(Guid recoveryCase) => Dataverse.Peek(RecoveryCaseTable.LogicalName, recoveryCase)!;

    /// <summary>The escalation rows of a recovery case, lowest level first.</summary>
    public IReadOnlyList<Entity> CaseEscalations(Guid recoveryCase) =>
        Dataverse.PeekAll(EscalationTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.RecoveryCase)?.Id == recoveryCase)
            .OrderBy(e => e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value)
            .ToArray();

    public DateTime? NextIndex(Guid request) => Row(request).GetAttributeValue<DateTime?>(Columns.NextEscalationOn);
}
