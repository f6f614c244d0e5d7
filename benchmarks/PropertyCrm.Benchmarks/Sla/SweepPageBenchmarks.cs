using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Benchmarks.Sla;

/// <summary>
/// "One sweep page": <c>pcrm_RunSlaSweep</c> through the in-memory Dataverse (real pipeline, transaction, row locks)
/// with <see cref="DueRequests"/> emergency requests past their warning and 1,000 on-time ones beside them, page size
/// 500. Each iteration gets a fresh organization (the sweep changes what it reads), so the measured time is one call:
/// index query, locks, re-read, escalation and property reads, review, creates and updates. Plug-in code plus the
/// harness's storage, not Dataverse's network and SQL: read it as the sweep's own CPU cost per page.
/// </summary>
/// <remarks>
/// Public and unsealed because BenchmarkDotNet generates a subclass to run it. In process: the generated project
/// would rebuild the plug-in assembly for both frameworks, which takes longer than BenchmarkDotNet's 2-minute build
/// timeout on this machine.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(InProcessMonitoring))]
public class SweepPageBenchmarks
{
    private static readonly DateTime Start = HarnessClock.DefaultStart;
    private FakeDataverse dataverse = null!;

    [Params(500)]
    public int DueRequests { get; set; }

    [IterationSetup]
    public void NewOrganization()
    {
        dataverse = new FakeDataverse().WithPluginCatalog();
        var agent = dataverse.CreateUser("客服 Agent");
        var supervisor = dataverse.CreateUser("主管 Supervisor");
        var property = dataverse.Seed(new Entity(PropertyTable.LogicalName)
        {
            [PropertyTable.Columns.Name] = "翠湖花园",
            [PropertyTable.Columns.Supervisor] = new EntityReference("systemuser", supervisor),
        });
        for (var i = 0; i < DueRequests; i++)
        {
            dataverse.Seed(Request(property, agent, Start));
        }

        for (var i = 0; i < 1_000; i++)
        {
            dataverse.Seed(Request(property, agent, Start.AddHours(1)));
        }

        dataverse.Clock.SetClock(Start.AddMinutes(25)); // past the 22:30 warning of the due ones only
    }

    [Benchmark(Description = "one sweep page (500 due, 1,000 on time)")]
    public int OneSweepPage()
    {
        var response = dataverse.Service.Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName)
        {
            [RunSlaSweepPlugin.PageSizeParameter] = 500,
        });
        return (int)response[RunSlaSweepPlugin.EscalatedOutput];
    }

    /// <summary>One call per iteration after a fresh setup: 3 warm-up and 15 measured iterations, in process.</summary>
    public sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithToolchain(InProcessEmitToolchain.Instance));
        }
    }

    private static Entity Request(Guid property, Guid agent, DateTime started)
    {
        var clock = SlaClock.Start(
            new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), BuiltInCalendars.TwentyFourSevenName),
            BuiltInCalendars.TwentyFourSeven,
            new DateTimeOffset(started));
        return new Entity(ServiceRequestTable.LogicalName)
        {
            [Columns.Name] = "漏水 leak",
            [Columns.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
            [Columns.Urgency] = new OptionSetValue(Choices.Urgency.Emergency),
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [Columns.OwnerId] = new EntityReference("systemuser", agent),
            [Columns.SlaStartedOn] = started,
            [Columns.FirstResponseTargetMinutes] = 30,
            [Columns.FirstResponseCalendar] = BuiltInCalendars.TwentyFourSevenName,
            [Columns.NextEscalationOn] = NextEscalation.Of(clock, Array.Empty<EscalationLevel>())!.Value.UtcDateTime,
            [Columns.CreatedOn] = started,
        };
    }
}
